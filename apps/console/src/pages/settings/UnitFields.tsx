import { Form, Input, Select } from 'antd';
import { CATEGORY_NAMES, OWNERSHIP_NAMES } from '../../ui/labels';

export const CATEGORY_OPTIONS = Object.entries(CATEGORY_NAMES).map(([value, label]) => ({ value, label }));

/**
 * A unit's fields in a form: its name (under `nameField`), its category and, for an enterprise, its ownership. The
 * form watches the category: ownership is asked only of enterprises.
 */
export function UnitFields({ nameField = 'name' }: { nameField?: string }) {
  const category = Form.useWatch<string | undefined>('category');
  return (
    <>
      <Form.Item label="单位名称" name={nameField} rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="清廉建设领域" name="category" rules={[{ required: true, message: '请选择领域' }]}>
        <Select options={CATEGORY_OPTIONS} />
      </Form.Item>
      {category === 'enterprise' && (
        <Form.Item label="企业性质" name="ownership">
          <Select options={Object.entries(OWNERSHIP_NAMES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      )}
    </>
  );
}
