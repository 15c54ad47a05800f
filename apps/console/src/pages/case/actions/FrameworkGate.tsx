import type { ReactNode } from 'react';
import { Alert, Skeleton } from 'antd';
import { useCaseFramework, type Framework } from './framework';
import type { StepProps } from './useStep';

/** Renders a sheet's form once the case's own indicator framework is read. */
export function FrameworkGate({ props, children }: { props: StepProps; children: (framework: Framework) => ReactNode }) {
  const framework = useCaseFramework(props.state, props.events);
  if (framework.isError) return <Alert type="error" showIcon title="暂时无法读取本案件的指标体系，请稍后重试" />;
  if (!framework.data) return <Skeleton active aria-label="正在读取指标体系" />;
  return children(framework.data);
}
