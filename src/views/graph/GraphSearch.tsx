// The graph's search box: a pod name, an IP or a CIDR (several terms, `-term` to leave out);
// Enter or a click on a match focuses that pod in the graph and shows its details.
import { useId, useMemo, useState } from 'react';
import { searchEndpoints } from '../../app-model/endpoint-search';
import type { EndpointInfo } from '../../app-model/model-view';
import { fill } from '../../lib/text';
import { useRealClusterText } from '../real-cluster-text';
import { TID } from '../testIds';

const SHOWN = 8;

export function GraphSearch({
  endpoints,
  onFocus,
}: {
  endpoints: readonly EndpointInfo[];
  onFocus(key: string): void;
}) {
  const t = useRealClusterText();
  const [text, setText] = useState('');
  const listId = useId();
  const found = useMemo(() => searchEndpoints(endpoints, text, 50), [endpoints, text]);
  const shown = found.slice(0, SHOWN);
  return (
    <div className="graph-search" role="search">
      <label>
        {t.search}{' '}
        <input
          type="search"
          data-testid={TID.graphSearch}
          aria-label={t.searchLabel}
          {...(text.trim() !== '' ? { 'aria-controls': listId } : {})}
          placeholder={t.searchHint}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && shown[0] !== undefined) onFocus(endpoints[shown[0]]!.key);
          }}
        />
      </label>
      {text.trim() !== '' && (
        <div id={listId} className="graph-search-results" role="status">
          {found.length === 0 ? (
            <span className="help">{t.searchNone}</span>
          ) : (
            <>
              <span className="help">{fill(t.searchResults, { count: found.length })}</span>{' '}
              {shown.map((i) => {
                const e = endpoints[i]!;
                return (
                  <button
                    type="button"
                    key={e.key}
                    data-testid={TID.graphSearchResult}
                    data-key={e.key}
                    onClick={() => onFocus(e.key)}
                  >
                    {e.kind === 'pod' ? e.key : (e.name ?? e.key)} <span className="ip">{e.ip}</span>
                  </button>
                );
              })}
            </>
          )}
        </div>
      )}
    </div>
  );
}
