import { Alert, Card, Empty, Grid, Skeleton, Space, Table, Tag, theme, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { roundScore, totalOf, type ScoreSheet } from '@domain/indicators/scoring';
import { indicatorSpreads, LARGE_SPREAD_SHARE, type IndicatorSpread } from '@domain/indicators/spread';
import { Hint, RecordedDocuments, type RecordedDocument } from '../actions/parts';
import { indicatorsOf, useCaseFramework, type Framework } from '../actions/framework';
import type { CaseEvent, CaseState } from '../CasePage';
import { OUTCOME_NAMES } from './labels';
import { ScrollRegion } from './ScrollRegion';

/** One assessor's sheet of a concluded round, as the audit trail recorded it. */
interface RecordedSheet {
  readonly assessorId: string;
  readonly name: string;
  readonly sheet: ScoreSheet;
  readonly findings: readonly string[];
  readonly documents: readonly RecordedDocument[];
}

/** A concluded inspection round: its outcome and every assessor's sheet, in the order they were sent. */
interface ConcludedRound {
  readonly round: number;
  readonly outcome: string;
  readonly total: number;
  readonly vetoes: readonly string[];
  readonly sheets: readonly RecordedSheet[];
}

const SHARE_PERCENT = Math.round(LARGE_SPREAD_SHARE * 100);

/**
 * The rounds that concluded, from the case's events: the sheets of a round stay hidden (sheet null) until it concludes,
 * so only concluded rounds have any to show.
 */
export function concludedRounds(events: readonly CaseEvent[], nameOf: (id: string) => string): ConcludedRound[] {
  return events
    .filter((event) => event.type === 'InspectionConcluded')
    .map((concluded) => {
      const round = concluded.payload.round as number;
      const sheets = events
        .filter((event) => event.type === 'InspectionScoresSubmitted' && event.payload.round === round && event.payload.sheet)
        .map((event): RecordedSheet => {
          const assessorId = String(event.payload.assessorId);
          return {
            assessorId,
            name: event.actor.id === assessorId && event.actor.name ? event.actor.name : nameOf(assessorId),
            sheet: event.payload.sheet as ScoreSheet,
            findings: Array.isArray(event.payload.findings) ? (event.payload.findings as string[]) : [],
            documents: Array.isArray(event.payload.documents) ? (event.payload.documents as RecordedDocument[]) : [],
          };
        });
      return {
        round,
        outcome: String(concluded.payload.outcome),
        total: Number(concluded.payload.total),
        vetoes: Array.isArray(concluded.payload.vetoes) ? (concluded.payload.vetoes as string[]) : [],
        sheets,
      };
    });
}

interface Row extends IndicatorSpread {
  readonly name: string;
}

/** One round's table: indicators × assessors, each indicator's spread, the large ones marked in colour, icon and word. */
function RoundSheet({ round, framework }: { round: ConcludedRound; framework: Framework }) {
  const { token } = theme.useToken();
  const phone = !Grid.useBreakpoint().md;
  const indicators = indicatorsOf(framework);
  const rows: Row[] = indicatorSpreads(
    indicators,
    round.sheets.map(({ sheet }) => sheet),
  ).map((spread, index) => ({ ...spread, name: `${spread.indicatorCode} ${indicators[index]?.name.zh ?? ''}` }));
  const totals = round.sheets.map(({ sheet }) => totalOf(sheet));
  const totalSpread = totals.length > 1 ? roundScore(Math.max(...totals) - Math.min(...totals)) : 0;
  const large = rows.filter((row) => row.large);
  const maximum = roundScore(indicators.reduce((sum, indicator) => sum + indicator.weight, 0));
  const vetoNames = round.vetoes.map((code) => `${code} ${framework.vetoItems.find((item) => item.code === code)?.name.zh ?? ''}`.trim());
  const titleId = `round-${String(round.round)}`;

  return (
    <section aria-labelledby={titleId} style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id={titleId} style={{ fontSize: 15 }}>
        第 {round.round} 轮检查验收：{OUTCOME_NAMES[round.outcome] ?? round.outcome}（总分 {round.total}，各成员总分极差 {totalSpread}）
      </Typography.Title>
      {vetoNames.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={`一票否决项：${vetoNames.join('、')}`} />}
      <p>
        {large.length > 0 ? (
          <>
            <WarningOutlined style={{ color: token.colorWarning }} aria-hidden /> 分歧较大的指标 {large.length} 项：{large.map((row) => row.name).join('、')}
          </>
        ) : (
          '各指标分歧均在满分的 ' + String(SHARE_PERCENT) + '% 以内。'
        )}
      </p>
      {phone && <Hint>表格较宽，可左右滑动查看各检查组成员的评分与极差。</Hint>}
      <ScrollRegion label={`第 ${String(round.round)} 轮评分表`}>
        <Table<Row>
          rowKey="indicatorCode"
          size="small"
          pagination={false}
          dataSource={rows}
          onRow={(row) => (row.large ? { style: { background: token.colorWarningBg } } : {})}
          columns={[
            { title: '指标', dataIndex: 'name' },
            { title: '满分', dataIndex: 'weight', align: 'right' },
            ...round.sheets.map((sheet, index) => ({
              title: sheet.name,
              key: `assessor-${String(index)}`,
              align: 'right' as const,
              render: (_value: unknown, row: Row) => {
                const points = row.points[index];
                return points === null || points === undefined ? '—' : roundScore(points);
              },
            })),
            { title: '极差', dataIndex: 'spread', align: 'right' },
            {
              title: '分歧',
              key: 'large',
              render: (_value: unknown, row: Row) =>
                row.large ? (
                  <Tag color="#ad4e00" icon={<WarningOutlined aria-hidden />}>
                    分歧较大
                  </Tag>
                ) : (
                  '—'
                ),
            },
          ]}
          summary={() => (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {maximum}
              </Table.Summary.Cell>
              {totals.map((total, index) => (
                <Table.Summary.Cell key={round.sheets[index]?.assessorId ?? index} index={index + 2} align="right">
                  {total}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={totals.length + 2} align="right">
                {totalSpread}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={totals.length + 3} />
            </Table.Summary.Row>
          )}
        />
      </ScrollRegion>
      {round.sheets.map((sheet) => (
        <div key={sheet.assessorId} style={{ marginTop: 12 }}>
          <Typography.Title level={3} style={{ fontSize: 14 }}>
            {sheet.name}的检查发现
          </Typography.Title>
          {sheet.findings.length ? (
            <ul style={{ paddingInlineStart: 20 }}>
              {sheet.findings.map((finding, index) => (
                <li key={index}>{finding}</li>
              ))}
            </ul>
          ) : (
            <Hint>（未填写检查发现）</Hint>
          )}
          {sheet.documents.length > 0 && <RecordedDocuments documents={sheet.documents} />}
        </div>
      ))}
    </section>
  );
}

/**
 * 评分表: the sheets of every concluded inspection round, side by side per indicator, with the spread between the
 * assessors and the indicators where it is large. A round still open shows only how many have scored.
 */
export function ScoreSheetsCard({ state, events, nameOf }: { state: CaseState; events: readonly CaseEvent[]; nameOf: (id: string) => string }) {
  const framework = useCaseFramework(state, events);
  const rounds = concludedRounds(events, nameOf);
  const open = state.inspection && !rounds.some((round) => round.round === state.inspection?.round) ? state.inspection : null;
  return (
    <Card title="评分表" size="small">
      <Hint>
        极差 = 同一指标上各检查组成员所给分数的最高分 − 最低分；极差达到该指标满分的 {SHARE_PERCENT}% 及以上，标为“分歧较大”，宜复核该指标的检查发现。
      </Hint>
      {open && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`第 ${String(open.round)} 轮检查进行中：已评分 ${String(open.submittedBy.length)} 人`}
          description="检查组成员独立评分，本轮结束前评分不公开。"
        />
      )}
      {rounds.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无已结束的检查轮次" />
      ) : framework.data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {rounds.map((round) => (
            <RoundSheet key={round.round} round={round} framework={framework.data} />
          ))}
        </Space>
      ) : framework.isError ? (
        <Alert type="error" showIcon title="暂时无法读取指标体系，请稍后重试" />
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}
