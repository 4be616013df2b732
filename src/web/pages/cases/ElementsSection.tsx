import { Fieldset, Stack } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseFormValues } from './case-form';
import { CodeCheckboxes, CodeMultiField } from '../../components/fields';

/** The Palermo elements (act, means, purpose), each with a short explanation, then the context lists. */
export function ElementsSection() {
  const { t } = useTranslation();
  const { control } = useFormContext<CaseFormValues>();
  const purposes = useWatch({ control, name: 'purposes' });
  const labour = purposes.some((p) => ['forced_labour', 'domestic_servitude', 'servitude', 'slavery_or_similar_practices', 'forced_begging'].includes(p));
  return (
    <Fieldset legend={t('case.register.section.elements')}>
      <Stack gap="md">
        <CodeCheckboxes name="acts" list="acts" label={t('case.field.acts')} description={t('case.help.acts')} cols={3} />
        <CodeMultiField name="means" list="means" label={t('case.field.means')} description={t('case.help.means')} />
        <CodeCheckboxes name="purposes" list="purposes" label={t('case.field.purposes')} description={t('case.help.purposes')} cols={3} />
        {purposes.includes('sexual_exploitation') && (
          <CodeMultiField name="sexualExploitationSubtypes" list="sexualExploitationSubtypes" label={t('case.field.sexual_subtypes')} />
        )}
        {labour && <CodeMultiField name="sectors" list="sectors" label={t('case.field.sectors')} />}
        <CodeMultiField name="recruitmentMethods" list="recruitmentMethods" label={t('case.field.recruitment_methods')} />
        <CodeMultiField name="transportModes" list="transportModes" label={t('case.field.transport_modes')} />
      </Stack>
    </Fieldset>
  );
}
