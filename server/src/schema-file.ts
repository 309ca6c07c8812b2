import { printSdl } from './common/sdl';
import { buildBareSchema } from './schema';

/** The committed contract: the schema printed with a stable, sorted order. */
export async function printSchemaFile(): Promise<string> {
  return printSdl(await buildBareSchema());
}
