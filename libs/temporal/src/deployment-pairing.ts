import type { Connection } from '@temporalio/client';

/** The calls pairing needs of Temporal's workflow service (a client's or a worker's connection has them). */
export type NamespaceService = Pick<Connection['workflowService'], 'describeNamespace' | 'updateNamespace'>;

/** The worker's database and the namespace's task queue belong to different deployments. */
export class DeploymentMismatch extends Error {
  override readonly name = 'DeploymentMismatch';
}

/** The namespace data key that names the database a task queue's workers write to. */
export function deploymentKey(taskQueue: string): string {
  return `qinglian.deployment.${taskQueue}`;
}

/**
 * Pairs the app database (its deployment id) with the Temporal namespace and task queue a worker is about to serve,
 * or checks the pairing made before: the first worker of a deployment records the database's id in the namespace's
 * data; a worker whose database has another id refuses to start, since it would record events of cases whose
 * workflows live elsewhere (or write them to a database nobody reads).
 */
export async function pairDeployment(
  service: NamespaceService,
  target: { readonly namespace: string; readonly taskQueue: string; readonly deploymentId: string },
): Promise<'paired' | 'matched'> {
  const key = deploymentKey(target.taskQueue);
  const described = await service.describeNamespace({ namespace: target.namespace });
  const recorded = described.namespaceInfo?.data?.[key];
  if (recorded === target.deploymentId) return 'matched';
  if (recorded) {
    throw new DeploymentMismatch(
      `工作进程拒绝启动：数据库（部署 ${target.deploymentId}）不属于 Temporal 命名空间 ${target.namespace} 的任务队列 ${target.taskQueue}（部署 ${recorded}）；` +
        `请检查 DATABASE_URL、TEMPORAL_ADDRESS 与 TEMPORAL_TASK_QUEUE / the worker refuses to start: its database (deployment ${target.deploymentId}) ` +
        `does not belong to task queue ${target.taskQueue} of Temporal namespace ${target.namespace} (deployment ${recorded}); check DATABASE_URL, TEMPORAL_ADDRESS and TEMPORAL_TASK_QUEUE`,
    );
  }
  await service.updateNamespace({ namespace: target.namespace, updateInfo: { data: { [key]: target.deploymentId } } });
  return 'paired';
}
