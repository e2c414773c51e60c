/**
 * The scenario format's reader (valibot's schema), given to the registry when this module
 * is evaluated: loaded only where a saved linked scenario is read again (registry.ts).
 */
import { readScenario } from '../../scenario/format/read.ts';
import { provideDocReader } from './registry.ts';

provideDocReader((data) => {
  const read = readScenario(data);
  return read.ok ? read.doc : undefined;
});
