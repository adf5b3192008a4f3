import { kubectl, kubectlNodes, kubernetesOptions, option, whereSuffix, type LibraryRunbook } from './library-runbook.js';

/** Replace the TLS certificate of a Kubernetes secret and reload the workload that serves it. */
export const rotateCertificate: LibraryRunbook = {
  id: 'rotate-certificate',
  title: 'Rotate a TLS certificate',
  keywords:
    'rotate renew replace update certificate cert certs tls ssl x509 https expired expiring expiry handshake secret ingress key pair private key reissue',
  build(facts) {
    const secret = facts.secret ?? (facts.service ? `${facts.service}-tls` : null);
    return {
      name: `Rotate the TLS certificate ${secret ?? (facts.domain ? `of ${facts.domain}` : 'of a service')}${whereSuffix(facts)}`,
      description: `Replaces the certificate in the ${secret ?? 'TLS'} secret with a new certificate and key, after checking that the new certificate is valid, then restarts the Deployment serving it. Use it when a certificate expires or is compromised. It worked when the endpoint presents the new certificate with a later expiry date.`,
      options: [
        ...kubernetesOptions(facts),
        option('secret', 'Name of the Kubernetes TLS secret.', secret),
        option('domain', 'Host name the certificate serves, to check it from outside.', facts.domain),
        option('cert_file', 'Path of the new certificate (PEM, full chain) on the node running the job.', '/etc/incident-ai/certs/tls.crt'),
        option('key_file', 'Path of the new private key (PEM) on the node running the job.', '/etc/incident-ai/certs/tls.key'),
      ],
      steps: [
        { description: 'Show the certificate the endpoint serves now and when it expires.', kind: 'command', command: 'echo | openssl s_client -connect ${option.domain}:443 -servername ${option.domain} 2>/dev/null | openssl x509 -noout -subject -enddate' },
        { description: 'Check that the new certificate is valid for at least another day.', kind: 'command', command: 'openssl x509 -in ${option.cert_file} -noout -subject -enddate -checkend 86400' },
        { description: 'Replace the secret with the new certificate and key.', kind: 'command', command: `${kubectl('create secret tls ${option.secret} --cert=${option.cert_file} --key=${option.key_file} --dry-run=client -o yaml')} | ${kubectl('apply -f -')}` },
        { description: 'Restart the Deployment so that it loads the new certificate.', kind: 'command', command: kubectl('rollout restart deployment/${option.deployment}') },
        { description: 'Wait for the restart to finish.', kind: 'command', command: kubectl('rollout status deployment/${option.deployment} --timeout=300s') },
        { description: 'Show the certificate the endpoint serves after the rotation.', kind: 'command', command: 'echo | openssl s_client -connect ${option.domain}:443 -servername ${option.domain} 2>/dev/null | openssl x509 -noout -subject -enddate' },
      ],
      nodeFilter: kubectlNodes,
      keepGoing: false,
    };
  },
};
