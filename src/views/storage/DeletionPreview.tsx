// "What if this claim is deleted?": the pods that hold it, what the PV's reclaim policy does,
// and the claims afterwards.
import { useMemo } from 'react';
import { deleteClaim } from '../../storage/delete-claim';
import type { VolumeSimulation } from '../../storage/pv-controller';
import { deletionReport } from '../../storage/volume-report';
import { useNetlab } from '../use-netlab';
import { fillIn, STORAGE_TID, useStorageText } from './storage-text';

export function DeletionPreview({ sim }: { sim: VolumeSimulation }) {
  const t = useStorageText();
  const locale = useNetlab((s) => s.locale);
  const chosen = useNetlab((s) => s.storageLab.deleteClaim);
  const choose = useNetlab((s) => s.previewDeleteClaim);
  const report = useMemo(() => {
    const d = chosen ? deleteClaim(sim, chosen) : undefined;
    return d ? deletionReport(d) : undefined;
  }, [sim, chosen]);
  return (
    <section
      className="panel storage-deletion"
      aria-labelledby="storage-deletion-title"
      data-testid={STORAGE_TID.deletion}
    >
      <h2 id="storage-deletion-title">{t.deleteTitle}</h2>
      <select
        data-testid={STORAGE_TID.deleteSelect}
        aria-label={t.deleteTitle}
        value={report ? chosen! : ''}
        onChange={(e) => choose(e.target.value || null)}
      >
        <option value="">{t.deleteNone}</option>
        {sim.claims.map((c) => (
          <option key={c.key} value={c.key}>
            {c.key}
          </option>
        ))}
      </select>
      {report && (
        <div className="deletion-result" data-result={report.result ?? 'none'}>
          {report.inUseBy.length > 0 && (
            <p lang={locale}>{fillIn(t.inUse, { pods: report.inUseBy.join(', ') })}</p>
          )}
          <p lang={locale}>
            {report.volume ? (
              <strong>
                {report.volume} ({report.reclaimPolicy}):{' '}
              </strong>
            ) : null}
            {report.outcome[locale]}
          </p>
          <h3>{t.deleteAfter}</h3>
          <ul>
            {report.after.claims.map((c) => (
              <li key={c.key} lang={locale}>
                <strong>{c.key}</strong>: {c.summary[locale]}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
