import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../contracts/jobs';

/**
 * A job's progress as a progress bar screen readers announce in words ("Step 3 of 8: prosecution"),
 * not only as a percentage; the same words are printed under it.
 */
export function JobProgress({ job, what }: { job: JobView; what: string }) {
  const { t } = useTranslation();
  const { step, steps, stage } = job.progress;
  // A step is reported as it starts: the steps before it are done.
  const done = job.status === 'done' ? steps : Math.max(0, step - 1);
  const percent = steps > 0 ? Math.round((done / steps) * 100) : 0;
  const text = job.status === 'queued' || !stage ? t('reports.jobs.waiting') : t('reports.jobs.step', { step, steps, stage: t(`reports.jobs.stage.${stage}`) });
  return (
    <Stack gap={2} miw={160}>
      <Progress.Root
        size="md"
        role="progressbar"
        aria-label={t('reports.jobs.progress', { what })}
        aria-valuemin={0}
        aria-valuemax={steps}
        aria-valuenow={done}
        aria-valuetext={text}
      >
        <Progress.Section value={percent} withAria={false} animated={job.status === 'running'} color="indigo.7" />
      </Progress.Root>
      <Text size="xs">{job.cancelRequested ? t('reports.jobs.cancelling') : text}</Text>
    </Stack>
  );
}
