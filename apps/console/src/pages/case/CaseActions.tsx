import { useState, type ComponentType } from 'react';
import { App, Button, Card, Drawer, Grid, Space, theme } from 'antd';
import type { Person } from '../../session/session';
import { AssignAssessorsForm } from './actions/AssignAssessorsForm';
import { ConflictDialog } from './actions/ConflictDialog';
import { InspectionScoresForm } from './actions/InspectionScoresForm';
import { JinhuaDecisionForm } from './actions/JinhuaDecisionForm';
import { PlanReviewForm } from './actions/PlanReviewForm';
import { ReadinessDialog } from './actions/ReadinessDialog';
import { RecommendDialog } from './actions/RecommendDialog';
import { ReportForm } from './actions/ReportForm';
import { SelfAssessmentForm } from './actions/SelfAssessmentForm';
import { ExtendDeadlineForm } from './office/ExtendDeadlineForm';
import { availableSteps, stepTitle, waitingOn, type CaseStep } from './actions/steps';
import type { StepProps } from './actions/useStep';
import type { CaseEvent, CaseState } from './CasePage';

/**
 * Where each step is taken: a form in a drawer beside the case (the whole screen on a phone), or a dialog for a step
 * that is mostly a confirmation.
 */
const STEP_VIEWS: Readonly<Record<CaseStep, { readonly surface: 'drawer' | 'dialog'; readonly View: ComponentType<StepProps> }>> = {
  submitPlan: { surface: 'drawer', View: (props) => <ReportForm kind="plan" {...props} /> },
  reviewPlan: { surface: 'drawer', View: PlanReviewForm },
  submitProgressReport: { surface: 'drawer', View: (props) => <ReportForm kind="progress" {...props} /> },
  declareReady: { surface: 'dialog', View: ReadinessDialog },
  submitSelfAssessment: { surface: 'drawer', View: SelfAssessmentForm },
  assignAssessors: { surface: 'drawer', View: AssignAssessorsForm },
  declareConflict: { surface: 'dialog', View: ConflictDialog },
  submitInspectionScores: { surface: 'drawer', View: InspectionScoresForm },
  submitRectification: { surface: 'drawer', View: (props) => <ReportForm kind="rectification" {...props} /> },
  recommend: { surface: 'dialog', View: RecommendDialog },
  recordJinhuaDecision: { surface: 'drawer', View: JinhuaDecisionForm },
  extendDeadline: { surface: 'drawer', View: ExtendDeadlineForm },
};

/** 可办理的操作: the steps the person may take on the case now, and no button for a step the rules would refuse. */
export function CaseActions({
  state,
  person,
  events,
  onDone,
}: {
  state: CaseState;
  person: Person;
  events: readonly CaseEvent[];
  onDone: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const phone = !Grid.useBreakpoint().md;
  const [open, setOpen] = useState<CaseStep | null>(null);
  const steps = availableSteps(state);
  // A step the case no longer allows (it moved, here or elsewhere) closes by itself.
  const current = steps.find((step) => step === open) ?? null;
  const waiting = waitingOn(state, person);

  const close = () => setOpen(null);
  const props: StepProps = {
    state,
    person,
    events,
    onCancel: close,
    onReload: () => void onDone(),
    // The form closes once the case is read again, so what it offers next is already the new state's.
    onSucceeded: (text) => {
      void onDone().then(() => {
        close();
        void message.success(text);
      });
    },
  };
  const view = current ? STEP_VIEWS[current] : null;

  return (
    <Card title="可办理事项" size="small">
      {waiting && <p style={{ color: token.colorTextSecondary }}>{waiting}</p>}
      {steps.length === 0 ? (
        <p style={{ margin: 0, color: token.colorTextSecondary }}>当前无需您办理的事项</p>
      ) : (
        <Space wrap>
          {steps.map((step, index) => (
            <Button key={step} type={index === 0 ? 'primary' : 'default'} onClick={() => setOpen(step)} aria-haspopup="dialog">
              {stepTitle(step, state)}
            </Button>
          ))}
        </Space>
      )}
      {current && view?.surface === 'drawer' && (
        <Drawer open title={stepTitle(current, state)} size={phone ? '100%' : 'large'} onClose={close} destroyOnHidden>
          <view.View {...props} />
        </Drawer>
      )}
      {current && view?.surface === 'dialog' && <view.View {...props} />}
    </Card>
  );
}
