import { App, Button, Space, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { LedgerColumn } from '@domain/ledger';
import { ApiError } from '../../api/client';
import { downloadFile } from '../../api/documents';
import type { LedgerFilter } from './ledger-filter';
import { exportPath } from './ledger-view';

const FORMATS = ['xlsx', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/**
 * 导出: every case the filter selects (not only the page shown), with the columns shown, as XLSX or CSV; the count is
 * on the button, so what the file will hold is seen before it is taken.
 */
export function LedgerExports({ filter, columns, total }: { filter: LedgerFilter; columns: readonly LedgerColumn[]; total: number | undefined }) {
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: (format: Format) => downloadFile(exportPath(filter, columns, format)),
    onError: (error) => message.error(error instanceof ApiError ? `导出失败：${error.messageZh}` : '导出失败，请稍后重试'),
  });
  const count = total ?? 0;
  return (
    <Space wrap>
      {FORMATS.map((format) => (
        <Tooltip key={format} title={`导出筛选结果的全部 ${String(count)} 件（不只本页），含当前显示的列`}>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            disabled={total === undefined || count === 0}
            loading={download.isPending && download.variables === format}
            onClick={() => download.mutate(format)}
          >
            {`导出全部 ${String(count)} 件（${format.toUpperCase()}）`}
          </Button>
        </Tooltip>
      ))}
    </Space>
  );
}
