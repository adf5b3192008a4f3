import { bash, option, type LibraryRunbook } from './library-runbook.js';

/** Destructive: erase a disk before it is decommissioned or reused. Always needs approval. */
export const wipeDisk: LibraryRunbook = {
  id: 'wipe-disk',
  title: 'Wipe a disk',
  keywords:
    'wipe erase securely erase sanitize shred zero destroy data disk drive device volume partition format decommission retire reimage reuse dispose',
  build(facts) {
    return {
      name: `Wipe ${facts.device ?? 'a disk'} on ${facts.host ?? 'a host'}`,
      description: `Erases ${facts.device ?? 'the disk'} on ${facts.host ?? 'the chosen host'}: unmounts it, removes its file system signatures and overwrites it with zeros. Use it only to decommission or reuse a disk: the data cannot be recovered. It worked when lsblk shows no file system on the device.`,
      options: [
        option('host', 'Rundeck node name of the host holding the disk.', facts.host),
        option('device', 'Block device to erase, e.g. /dev/sdb. Double-check it: everything on it is lost.', facts.device),
      ],
      steps: [
        { description: 'Show the device, its size, serial and mount points, to confirm it is the right disk.', kind: 'command', command: 'lsblk -o NAME,SIZE,TYPE,FSTYPE,MOUNTPOINT,SERIAL ${option.device}' },
        {
          description: 'Unmount the device if it is mounted.',
          kind: 'script',
          command: bash('if findmnt --source "@option.device@" >/dev/null; then', '  umount --all-targets "@option.device@"', 'fi'),
        },
        { description: 'Remove every file system and partition-table signature from the device.', kind: 'command', command: 'wipefs --all ${option.device}' },
        { description: 'Overwrite the whole device with zeros.', kind: 'command', command: 'shred --verbose --iterations=0 --zero ${option.device}' },
        { description: 'Confirm that no file system is left on the device.', kind: 'command', command: 'lsblk -f ${option.device}' },
      ],
      nodeFilter: 'name: ${option.host}',
      keepGoing: false,
    };
  },
};
