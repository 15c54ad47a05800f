import { Card, Typography } from 'antd';

/** 我的待办: what waits on the signed-in person, soonest due first. */
export default function WorkbenchPage() {
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          我的待办
        </Typography.Title>
      }
    />
  );
}
