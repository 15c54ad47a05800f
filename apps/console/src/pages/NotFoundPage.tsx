import { Button, Result } from 'antd';
import { Link } from 'react-router';

/** Outside one's scope and absent look alike, as the api answers them alike: no hint of another unit's data. */
export function NotFoundPage({ what = '页面' }: { what?: string }) {
  return (
    <Result
      status="404"
      title="无权访问 / 不存在"
      subTitle={`您要查看的${what}不存在，或不在您的权限范围内。`}
      extra={
        <Link to="/workbench">
          <Button type="primary">返回我的待办</Button>
        </Link>
      }
    />
  );
}
