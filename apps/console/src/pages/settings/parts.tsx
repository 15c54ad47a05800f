import { useState, type ReactNode } from 'react';
import { Card, Modal, Select, Space, Typography, type FormInstance } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Refusal, showOnFields } from '../../ui/problems';

/** A set-up page's frame: its title (the page's one h1) and, for those who may, its main action. */
export function PageCard({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0, whiteSpace: 'normal' }}>
          {title}
        </Typography.Title>
      }
      extra={action}
    >
      {children}
    </Card>
  );
}

/** A list's one filter, kept in the URL (`?param=value`), so a link or a reload shows the same list. */
export function UrlFilter({
  param,
  label,
  placeholder,
  options,
  width,
}: {
  param: string;
  label: string;
  placeholder: string;
  options: readonly { value: string; label: string }[];
  width: number;
}) {
  const [params, setParams] = useSearchParams();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select<string>
        aria-label={label}
        placeholder={placeholder}
        allowClear
        value={params.get(param) ?? undefined}
        onChange={(value: string | undefined) => setParams(value ? { [param]: value } : {}, { replace: true })}
        options={[...options]}
        style={{ width }}
      />
    </Space>
  );
}

interface FormSubmitOptions<Values, Answer> {
  readonly form: FormInstance;
  readonly send: (values: Values) => Promise<Answer>;
  readonly onSuccess: (answer: Answer) => unknown;
  /** Where an api field lies in the form when not at the same path. */
  readonly fieldNames?: Readonly<Record<string, (string | number)[]>>;
  /** Refusals that are one field's problem though not a 400 (a name already taken: 409), by their code. */
  readonly conflictsOn?: Readonly<Record<string, string>>;
}

/**
 * Sends a form: a 400's fields, and the conflicts named in `conflictsOn`, go on the form's fields; any other refusal
 * is `refusal`, for <Refusal> above the form (cleared when the form is sent again).
 */
export function useFormSubmit<Values, Answer>({ form, send, onSuccess, fieldNames, conflictsOn = {} }: FormSubmitOptions<Values, Answer>) {
  const [refusal, setRefusal] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: send,
    onMutate: () => setRefusal(null),
    onSuccess,
    onError: (error) => {
      const field = error instanceof ApiError ? conflictsOn[error.code] : undefined;
      if (field && error instanceof ApiError) form.setFields([{ name: field, errors: [error.messageZh] }]);
      else setRefusal(showOnFields(form, error, fieldNames));
    },
  });
  return { submit: mutation.mutate, pending: mutation.isPending, refusal };
}

/** A form in a dialog: the refusal above it, its OK button sending it (danger for what cannot be undone lightly). */
export function FormDialog({
  title,
  okText,
  danger = false,
  form,
  pending,
  refusal,
  onClose,
  children,
}: {
  title: string;
  okText: string;
  danger?: boolean;
  form: FormInstance;
  pending: boolean;
  refusal: unknown;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText="取消"
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Refusal error={refusal} />
      {children}
    </Modal>
  );
}
