import type { ExecutionLogLine, JobExecution, RunbookJob } from '../types.js';

/**
 * The Rundeck job the payments team runs to roll the payments-api pods, with two of its
 * executions: a routine weekly run that succeeded, and the run during PDEMO01 that timed out
 * at step 4 because new pods could not reach the database through PgBouncer.
 */
export const rjdemo01RestartPaymentsApi: RunbookJob = {
  id: 'RJDEMO01',
  accountId: 'demo',
  name: 'Restart payments API pods (rolling)',
  description:
    'Rolling restart of the payments-api Deployment in prod-use1 (maxSurge 3, maxUnavailable 0): pre-flight checks, snapshot of pod state, `kubectl rollout restart`, wait for the rollout (300 s), verify /readyz on every pod and the 5xx ratio, then post a summary to Slack. Used weekly after the Vault database credential rotation, and during incidents to drop stale connection pools.',
  project: 'payments',
};

const runner = 'rd-runner-01.prod.internal';
const rundeckServer = 'rundeck-01.prod.internal';

const steps: JobExecution['steps'] = [
  { number: 1, description: 'Pre-flight: kube context, replica health, no rollout in progress' },
  { number: 2, description: 'Snapshot pod state and recent events for the record' },
  { number: 3, description: 'Rolling restart: kubectl rollout restart deploy/payments-api' },
  { number: 4, description: 'Wait for the rollout to complete (timeout 300s)' },
  { number: 5, description: 'Verify /readyz on every pod and the 5xx ratio from Prometheus' },
  { number: 6, description: 'Post a summary to Slack' },
];

type Line = readonly [time: string, level: ExecutionLogLine['level'], step: string, text: string, node?: string];

// Log lines are written as [HH:MM:SS, level, step, text] so the listing stays readable.
function logOf(date: string, lines: readonly Line[]): ExecutionLogLine[] {
  return lines.map(([time, level, step, text, node]) => ({ at: `${date}T${time}Z`, level, node: node ?? runner, step, text }));
}

const podTableHeader = 'NAME                           READY   STATUS    RESTARTS   AGE    IP            NODE';

/** A routine weekly restart after the credential rotation: every step passed. */
export const exdemo01Succeeded: JobExecution = {
  id: 'EXDEMO01',
  jobId: 'RJDEMO01',
  accountId: 'demo',
  status: 'succeeded',
  startedAt: '2025-03-04T10:15:02Z',
  endedAt: '2025-03-04T10:20:44Z',
  user: 'elena.kovacs',
  steps,
  nodes: [runner, rundeckServer],
  incidentId: null,
  log: logOf('2025-03-04', [
    ['10:15:02', 'NORMAL', '1', "Options: namespace=payments deployment=payments-api cluster=prod-use1 force=false reason='weekly restart after Vault DB credential rotation'"],
    ['10:15:02', 'VERBOSE', '1', '$ kubectl config current-context'],
    ['10:15:03', 'NORMAL', '1', 'prod-use1'],
    ['10:15:03', 'VERBOSE', '1', "$ kubectl -n payments get deploy/payments-api -o jsonpath='{.status.readyReplicas}/{.spec.replicas}'"],
    ['10:15:03', 'NORMAL', '1', '12/12'],
    ['10:15:04', 'VERBOSE', '1', '$ kubectl -n payments rollout status deploy/payments-api --timeout=5s'],
    ['10:15:04', 'NORMAL', '1', 'deployment "payments-api" successfully rolled out'],
    ['10:15:04', 'VERBOSE', '1', "$ promtool query instant https://prometheus.prod.internal 'payments_api:error_ratio5m'"],
    ['10:15:05', 'NORMAL', '1', 'payments_api:error_ratio5m{cluster="prod-use1"} => 0.0024 @[1741083305]'],
    ['10:15:05', 'NORMAL', '1', 'Pre-flight OK: context prod-use1, 12/12 replicas ready, no rollout in progress, 5xx ratio 0.24%'],
    ['10:15:05', 'VERBOSE', '2', '$ kubectl -n payments get pods -l app=payments-api -o wide'],
    ['10:15:06', 'NORMAL', '2', podTableHeader],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-8dkq2   1/1     Running   0          7d     10.0.36.14    ip-10-0-36-201.ec2.internal'],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-b4zpx   1/1     Running   0          7d     10.0.37.88    ip-10-0-37-45.ec2.internal'],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-cn7wm   1/1     Running   0          7d     10.0.38.121   ip-10-0-38-17.ec2.internal'],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-dq92r   1/1     Running   1          7d     10.0.36.77    ip-10-0-36-201.ec2.internal'],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-gl5vt   1/1     Running   0          7d     10.0.37.203   ip-10-0-37-45.ec2.internal'],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-jx8hf   1/1     Running   0          7d     10.0.38.9     ip-10-0-38-17.ec2.internal'],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-lr3ck   1/1     Running   0          7d     10.0.36.150   ip-10-0-36-201.ec2.internal'],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-nv6sb   1/1     Running   0          7d     10.0.37.61    ip-10-0-37-45.ec2.internal'],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-pt4yq   1/1     Running   0          7d     10.0.38.230   ip-10-0-38-17.ec2.internal'],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-sw2kj   1/1     Running   0          7d     10.0.36.42    ip-10-0-36-201.ec2.internal'],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-vz9md   1/1     Running   0          7d     10.0.37.118   ip-10-0-37-45.ec2.internal'],
    ['10:15:06', 'NORMAL', '2', 'payments-api-5f9c8d7b6-xh5ln   1/1     Running   0          7d     10.0.38.66    ip-10-0-38-17.ec2.internal'],
    ['10:15:07', 'VERBOSE', '2', '$ kubectl -n payments get events --field-selector involvedObject.kind=Pod,type=Warning --sort-by=.lastTimestamp'],
    ['10:15:07', 'NORMAL', '2', 'No resources found in payments namespace.'],
    ['10:15:07', 'NORMAL', '2', 'Saved snapshot to /var/lib/rundeck/artifacts/EXDEMO01/pods-before.txt'],
    ['10:15:08', 'VERBOSE', '3', '$ kubectl -n payments rollout restart deploy/payments-api'],
    ['10:15:08', 'NORMAL', '3', 'deployment.apps/payments-api restarted'],
    ['10:15:08', 'VERBOSE', '4', '$ kubectl -n payments rollout status deploy/payments-api --timeout=300s'],
    ['10:15:09', 'NORMAL', '4', 'Waiting for deployment "payments-api" rollout to finish: 3 out of 12 new replicas have been updated...'],
    ['10:15:41', 'NORMAL', '4', 'Waiting for deployment "payments-api" rollout to finish: 6 out of 12 new replicas have been updated...'],
    ['10:16:13', 'NORMAL', '4', 'Waiting for deployment "payments-api" rollout to finish: 9 out of 12 new replicas have been updated...'],
    ['10:16:46', 'NORMAL', '4', 'Waiting for deployment "payments-api" rollout to finish: 3 old replicas are pending termination...'],
    ['10:17:03', 'NORMAL', '4', 'Waiting for deployment "payments-api" rollout to finish: 1 old replicas are pending termination...'],
    ['10:17:19', 'NORMAL', '4', 'deployment "payments-api" successfully rolled out'],
    ['10:17:19', 'NORMAL', '4', 'Rollout finished in 131s'],
    ['10:17:20', 'VERBOSE', '5', '$ for p in $(kubectl -n payments get pods -l app=payments-api -o name); do kubectl -n payments exec $p -- wget -qO- localhost:8080/readyz; done'],
    ['10:17:21', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-2kx8p: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:22', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-4hq7v: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:23', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-7rjzt: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:24', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-9wmc2: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:25', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-bx5tn: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:26', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-c8lqd: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:27', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-f2vzk: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:28', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-hn6rw: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:29', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-k7pxs: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:30', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-mq3jd: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:31', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-t9dgb: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:32', 'NORMAL', '5', 'pod/payments-api-6d8f7b9c5-zw4cf: ok (postgres: ok, redis: ok, vault: ok)'],
    ['10:17:32', 'NORMAL', '5', 'Waiting 180s so the 5m error-ratio window covers only new pods'],
    ['10:20:33', 'VERBOSE', '5', "$ promtool query instant https://prometheus.prod.internal 'payments_api:error_ratio5m'"],
    ['10:20:34', 'NORMAL', '5', 'payments_api:error_ratio5m{cluster="prod-use1"} => 0.0027 @[1741083634]'],
    ['10:20:34', 'NORMAL', '5', '5xx ratio 0.27% is under the 1% threshold: OK'],
    ['10:20:35', 'VERBOSE', '6', 'POST https://slack.com/api/chat.postMessage channel=#payments-ops', rundeckServer],
    ['10:20:36', 'NORMAL', '6', 'Posted: ":white_check_mark: payments-api rolling restart done: 12/12 ready, rollout 131s, 5xx 0.27% (EXDEMO01)"', rundeckServer],
    ['10:20:44', 'NORMAL', '6', 'Execution succeeded: 6 of 6 steps completed in 5m42s', rundeckServer],
  ]),
};

/** The run started during PDEMO01: the surge pods never became ready, step 4 timed out. */
export const exdemo02Failed: JobExecution = {
  id: 'EXDEMO02',
  jobId: 'RJDEMO01',
  accountId: 'demo',
  status: 'failed',
  startedAt: '2025-03-11T14:27:40Z',
  endedAt: '2025-03-11T14:32:56Z',
  user: 'elena.kovacs',
  steps,
  nodes: [runner, rundeckServer],
  incidentId: 'PDEMO01',
  log: logOf('2025-03-11', [
    ['14:27:40', 'NORMAL', '1', "Options: namespace=payments deployment=payments-api cluster=prod-use1 force=true reason='PDEMO01: drop stale DB pool connections'"],
    ['14:27:40', 'VERBOSE', '1', '$ kubectl config current-context'],
    ['14:27:41', 'NORMAL', '1', 'prod-use1'],
    ['14:27:41', 'VERBOSE', '1', "$ kubectl -n payments get deploy/payments-api -o jsonpath='{.status.readyReplicas}/{.spec.replicas}'"],
    ['14:27:41', 'NORMAL', '1', '12/12'],
    ['14:27:42', 'VERBOSE', '1', '$ kubectl -n payments rollout status deploy/payments-api --timeout=5s'],
    ['14:27:42', 'NORMAL', '1', 'deployment "payments-api" successfully rolled out'],
    ['14:27:42', 'VERBOSE', '1', "$ promtool query instant https://prometheus.prod.internal 'payments_api:error_ratio5m'"],
    ['14:27:43', 'NORMAL', '1', 'payments_api:error_ratio5m{cluster="prod-use1"} => 0.3712 @[1741703263]'],
    ['14:27:43', 'WARN', '1', '5xx ratio 37.12% is above the 5% pre-flight limit; continuing because force=true'],
    ['14:27:43', 'VERBOSE', '2', '$ kubectl -n payments get pods -l app=payments-api -o wide'],
    ['14:27:44', 'NORMAL', '2', podTableHeader],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-2kx8p   1/1     Running   0          7d4h   10.0.36.31    ip-10-0-36-201.ec2.internal'],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-4hq7v   1/1     Running   0          7d4h   10.0.37.12    ip-10-0-37-45.ec2.internal'],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-7rjzt   1/1     Running   0          7d4h   10.0.38.140   ip-10-0-38-17.ec2.internal'],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-9wmc2   1/1     Running   0          7d4h   10.0.36.95    ip-10-0-36-201.ec2.internal'],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-bx5tn   1/1     Running   0          7d4h   10.0.37.170   ip-10-0-37-45.ec2.internal'],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-c8lqd   1/1     Running   0          7d4h   10.0.38.27    ip-10-0-38-17.ec2.internal'],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-f2vzk   1/1     Running   0          7d4h   10.0.36.188   ip-10-0-36-201.ec2.internal'],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-hn6rw   1/1     Running   0          7d4h   10.0.37.54    ip-10-0-37-45.ec2.internal'],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-k7pxs   1/1     Running   0          7d4h   10.0.38.201   ip-10-0-38-17.ec2.internal'],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-mq3jd   1/1     Running   0          7d4h   10.0.36.66    ip-10-0-36-201.ec2.internal'],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-t9dgb   1/1     Running   0          7d4h   10.0.37.239   ip-10-0-37-45.ec2.internal'],
    ['14:27:44', 'NORMAL', '2', 'payments-api-6d8f7b9c5-zw4cf   1/1     Running   0          7d4h   10.0.38.83    ip-10-0-38-17.ec2.internal'],
    ['14:27:45', 'VERBOSE', '2', "$ kubectl -n payments logs deploy/payments-api --since=2m | grep -c 'could not connect to server'"],
    ['14:27:46', 'NORMAL', '2', '1843'],
    ['14:27:46', 'NORMAL', '2', 'Saved snapshot to /var/lib/rundeck/artifacts/EXDEMO02/pods-before.txt'],
    ['14:27:47', 'VERBOSE', '3', '$ kubectl -n payments rollout restart deploy/payments-api'],
    ['14:27:47', 'NORMAL', '3', 'deployment.apps/payments-api restarted'],
    ['14:27:47', 'VERBOSE', '4', '$ kubectl -n payments rollout status deploy/payments-api --timeout=300s'],
    ['14:27:48', 'NORMAL', '4', 'Waiting for deployment "payments-api" rollout to finish: 3 out of 12 new replicas have been updated...'],
    ['14:28:48', 'DEBUG', '4', '[rollout-watch] new ReplicaSet payments-api-7c4b9d6f8: 3 created, 0 ready; old ReplicaSet: 12 ready'],
    ['14:29:48', 'DEBUG', '4', '[rollout-watch] new ReplicaSet payments-api-7c4b9d6f8: 3 created, 0 ready; old ReplicaSet: 12 ready'],
    ['14:30:48', 'WARN', '4', '[rollout-watch] no new pod ready after 180s; readiness probe failing on payments-api-7c4b9d6f8-4xkqp, -9tlm6, -q2vnh'],
    ['14:31:48', 'DEBUG', '4', '[rollout-watch] new ReplicaSet payments-api-7c4b9d6f8: 3 created, 0 ready; old ReplicaSet: 12 ready'],
    ['14:32:48', 'ERROR', '4', 'error: timed out waiting for the condition'],
    ['14:32:48', 'NORMAL', '4', 'Rollout did not complete within 300s; collecting diagnostics'],
    ['14:32:48', 'VERBOSE', '4', '$ kubectl -n payments get pods -l app=payments-api,pod-template-hash=7c4b9d6f8'],
    ['14:32:49', 'NORMAL', '4', 'NAME                           READY   STATUS    RESTARTS   AGE'],
    ['14:32:49', 'NORMAL', '4', 'payments-api-7c4b9d6f8-4xkqp   0/1     Running   0          5m1s'],
    ['14:32:49', 'NORMAL', '4', 'payments-api-7c4b9d6f8-9tlm6   0/1     Running   0          5m1s'],
    ['14:32:49', 'NORMAL', '4', 'payments-api-7c4b9d6f8-q2vnh   0/1     Running   0          5m1s'],
    ['14:32:49', 'VERBOSE', '4', '$ kubectl -n payments describe pod payments-api-7c4b9d6f8-4xkqp | tail -3'],
    ['14:32:50', 'NORMAL', '4', '  Normal   Started    5m      kubelet  Started container api'],
    ['14:32:50', 'NORMAL', '4', '  Warning  Unhealthy  4m51s (x29 over 4m58s)  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 503'],
    ['14:32:50', 'VERBOSE', '4', '$ kubectl -n payments logs payments-api-7c4b9d6f8-4xkqp --tail=3'],
    ['14:32:51', 'ERROR', '4', '{"level":"error","ts":"2025-03-11T14:32:31.402Z","msg":"readyz: postgres check failed","error":"FATAL: pgbouncer cannot connect to server (SQLSTATE 08P01)","db_host":"pgbouncer-payments.prod.internal:6432"}'],
    ['14:32:51', 'ERROR', '4', '{"level":"error","ts":"2025-03-11T14:32:41.397Z","msg":"readyz: postgres check failed","error":"FATAL: pgbouncer cannot connect to server (SQLSTATE 08P01)","db_host":"pgbouncer-payments.prod.internal:6432"}'],
    ['14:32:51', 'ERROR', '4', '{"level":"error","ts":"2025-03-11T14:32:51.110Z","msg":"readyz: postgres check failed","error":"FATAL: pgbouncer cannot connect to server (SQLSTATE 08P01)","db_host":"pgbouncer-payments.prod.internal:6432"}'],
    ['14:32:52', 'WARN', '4', 'Leaving the rollout as is: maxUnavailable=0, so the 12 old pods keep serving. To drop the surge pods run: kubectl -n payments rollout undo deploy/payments-api'],
    ['14:32:52', 'ERROR', '4', 'Failed: NonZeroResultCode: Script result code was: 1'],
    ['14:32:53', 'VERBOSE', '4', 'POST https://slack.com/api/chat.postMessage channel=#inc-4812-payments', rundeckServer],
    ['14:32:54', 'NORMAL', '4', 'Posted: ":x: payments-api rolling restart FAILED at step 4 (rollout timed out, 0/3 new pods ready) (EXDEMO02)"', rundeckServer],
    ['14:32:56', 'ERROR', '4', '[workflow] Execution failed: step failures: {4=Dispatch failed on 1 nodes: [rd-runner-01.prod.internal: NonZeroResultCode: Script result code was: 1]}; steps 5-6 not run', rundeckServer],
  ]),
};
