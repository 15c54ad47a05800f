import { Checkbox, Form, InputNumber, theme, Typography } from 'antd';
import type { Schemas } from '../../../api/client';
import { DocumentUploader, documentIdsOf, UPLOAD_HINT, uploadRules, type UploadItem } from './DocumentUploader';
import { indicatorsOf, type Framework, type Indicator } from './framework';
import type { FieldName } from './useStep';

/** A score sheet as a form holds it: by indicator code, the points and (for a self-assessment) the evidence files. */
export interface SheetValues {
  scores?: Record<string, { points?: number | null; documents?: UploadItem[] } | undefined>;
  vetoes?: string[];
}

/** How the sheet treats evidence and veto items: the unit documents its scores; an assessor finds vetoes. */
export interface SheetMode {
  /** Evidence files per indicator, required where the framework says so (the self-assessment). */
  readonly evidence: boolean;
  /** Veto items: listed for information (the unit), or ticked when found (an assessor). */
  readonly vetoes: 'list' | 'check';
}

const TOTAL_PRECISION = 100;

function round(points: number): number {
  return Math.round(points * TOTAL_PRECISION) / TOTAL_PRECISION;
}

/** The running total of what the form holds. */
export function totalOf(values: SheetValues['scores']): number {
  return round(Object.values(values ?? {}).reduce((sum, score) => sum + (score?.points ?? 0), 0));
}

/** The scores the api takes, in the framework's order (so `scores[i]` of a refusal is the framework's i-th indicator). */
export function scoresOf(framework: Framework, values: SheetValues): Schemas['ScoreDto'][] {
  return indicatorsOf(framework).map((indicator) => {
    const score = values.scores?.[indicator.code];
    const documentIds = documentIdsOf(score?.documents);
    return { indicatorCode: indicator.code, points: score?.points ?? 0, ...(documentIds.length ? { documentIds } : {}) };
  });
}

/** Where the api's field of a sheet (`scores[3].points`, `scores[3].documentIds[0]`, `vetoes[1]`) lies in the form. */
export function sheetFieldOf(framework: Framework): (field: string) => FieldName | undefined {
  const indicators = indicatorsOf(framework);
  return (field) => {
    if (/^vetoes(\[\d+\])?$/.test(field)) return ['vetoes'];
    const match = /^scores\[(\d+)\](?:\.(\w+))?/.exec(field);
    const indicator = match ? indicators[Number(match[1])] : undefined;
    if (!match || !indicator) return undefined;
    return ['scores', indicator.code, match[2] === 'documentIds' || match[2] === 'evidence' ? 'documents' : 'points'];
  };
}

function IndicatorFields({ indicator, caseId, mode }: { indicator: Indicator; caseId: string; mode: SheetMode }) {
  const name = `${indicator.code} ${indicator.name.zh}`;
  const evidenceRequired = mode.evidence && indicator.evidenceRequired;
  return (
    <div style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Form.Item
        label={`${name}（满分 ${String(indicator.weight)} 分）`}
        name={['scores', indicator.code, 'points']}
        rules={[{ required: true, type: 'number', min: 0, max: indicator.weight, message: `请填写 0 至 ${String(indicator.weight)} 分` }]}
        style={{ marginBottom: mode.evidence ? 8 : 0 }}
      >
        <InputNumber min={0} max={indicator.weight} step={0.5} precision={2} suffix="分" style={{ width: 160 }} inputMode="decimal" />
      </Form.Item>
      {mode.evidence && (
        <Form.Item
          label={`${indicator.code} 佐证材料${evidenceRequired ? '（必附）' : '（选附）'}`}
          name={['scores', indicator.code, 'documents']}
          rules={uploadRules(evidenceRequired ? `${indicator.code} 须附佐证材料` : undefined)}
          style={{ marginBottom: 0 }}
        >
          <DocumentUploader caseId={caseId} label={`${indicator.code} 佐证材料`} compact />
        </Form.Item>
      )}
    </div>
  );
}

/**
 * 指标评分: the framework's dimensions and their indicators, a score from 0 to the weight for each, the evidence files
 * when the mode asks, the veto items, and the total as it is typed. Inside a Form holding SheetValues.
 */
export function ScoreSheetFields({ framework, caseId, mode }: { framework: Framework; caseId: string; mode: SheetMode }) {
  const { token } = theme.useToken();
  const form = Form.useFormInstance<SheetValues>();
  const scores = Form.useWatch('scores', form);
  const maximum = round(indicatorsOf(framework).reduce((sum, indicator) => sum + indicator.weight, 0));
  return (
    <>
      {mode.evidence && <p style={{ color: token.colorTextSecondary }}>佐证材料{UPLOAD_HINT}。</p>}
      {framework.dimensions.map((dimension) => (
        <section key={dimension.code} aria-labelledby={`dimension-${dimension.code}`} style={{ marginBottom: 16 }}>
          <Typography.Title level={2} id={`dimension-${dimension.code}`} style={{ fontSize: 15, marginBottom: 0 }}>
            {dimension.name.zh}
          </Typography.Title>
          {dimension.indicators.map((indicator) => (
            <IndicatorFields key={indicator.code} indicator={indicator} caseId={caseId} mode={mode} />
          ))}
        </section>
      ))}
      <section aria-labelledby="veto-items" style={{ marginBottom: 16 }}>
        <Typography.Title level={2} id="veto-items" style={{ fontSize: 15 }}>
          一票否决项
        </Typography.Title>
        {mode.vetoes === 'list' ? (
          <>
            <p style={{ color: token.colorTextSecondary }}>以下情形由检查组认定，发生任何一项即不予推荐（仅供了解，无需填写）：</p>
            <ul>
              {framework.vetoItems.map((item) => (
                <li key={item.code}>
                  {item.code} {item.name.zh}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Form.Item
            name="vetoes"
            label="检查中发现的一票否决情形（如有，请勾选）"
            extra={<span style={{ color: token.colorTextSecondary }}>勾选任何一项，本单位本年度即不予推荐，请慎重。</span>}
          >
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              options={framework.vetoItems.map((item) => ({ value: item.code, label: `${item.code} ${item.name.zh}` }))}
            />
          </Form.Item>
        )}
      </section>
      <div
        aria-live="polite"
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 1,
          background: token.colorBgContainer,
          borderTop: `1px solid ${token.colorBorderSecondary}`,
          padding: '8px 0',
          fontWeight: 600,
        }}
      >
        合计：{totalOf(scores)} / {maximum} 分
      </div>
    </>
  );
}
