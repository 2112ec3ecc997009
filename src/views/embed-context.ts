// The embed's options for any component that behaves differently inside an author's page (null in
// the full lab): e.g. a read-only embed offers no solution to load.
import { createContext, useContext } from 'react';
import type { EmbedOptions } from '../services/embed-protocol';

export const EmbedContext = createContext<EmbedOptions | null>(null);

export const useEmbedOptions = (): EmbedOptions | null => useContext(EmbedContext);
