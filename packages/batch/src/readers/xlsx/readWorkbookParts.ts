import { readDateStyles } from './readDateStyles.js';
import { readSharedStrings } from './readSharedStrings.js';
import { attribute, xmlParser } from './xmlParser.js';
import { type ZipArchive, ZipMemberError } from './zipArchive.js';

/** A worksheet as the workbook lists it, in tab order. */
export interface SheetEntry {
  readonly name: string;
  /** The zip member holding its cells. */
  readonly part: string;
}

/** What reading any worksheet needs: the sheet list, shared strings, which styles are dates, the date system. */
export interface WorkbookParts {
  readonly sheets: readonly SheetEntry[];
  readonly sharedStrings: readonly string[];
  /** Per cell style index (`s`): whether its number format shows a date or time. */
  readonly dateStyles: readonly boolean[];
  /** Serial dates count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  readonly date1904: boolean;
}

// Parts other than sheets and shared strings are read whole; real ones are kilobytes.
const SMALL_PART = 16 * 1024 * 1024;
// The shared-string table is held in memory. A million distinct 18-digit NIPs and names make ~60 MiB of XML;
// beyond this bound a file is more likely a zip bomb than an export.
const SHARED_STRINGS_LIMIT = 256 * 1024 * 1024;

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** Reads the package's relationships, the workbook part, and the shared strings and styles it points to. */
export async function readWorkbookParts(zip: ZipArchive): Promise<WorkbookParts> {
  const rootRels = zip.names.has('_rels/.rels') ? await readRelationships(zip, '_rels/.rels', '') : new Map();
  const office = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart = office?.target ?? 'xl/workbook.xml';
  const dir = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
  const relsPart = `${dir}_rels/${workbookPart.slice(dir.length)}.rels`;
  const rels = zip.names.has(relsPart)
    ? await readRelationships(zip, relsPart, dir)
    : new Map<string, Relationship>();

  const listed: Array<{ name: string; id: string | undefined }> = [];
  let date1904 = false;
  const parser = xmlParser({
    open(name, attributes) {
      if (name === 'sheet') listed.push({ name: attributes.name ?? '', id: attribute(attributes, 'id') });
      else if (name === 'workbookPr') date1904 = isTrue(attributes.date1904);
    },
  });
  parser.write(await zip.text(workbookPart, SMALL_PART));
  parser.close();

  const sheets = listed.map(({ name, id }, i): SheetEntry => {
    const rel = id !== undefined ? rels.get(id) : undefined;
    // Without relationships, fall back on the names every writer uses.
    return { name, part: rel?.target ?? `${dir}worksheets/sheet${i + 1}.xml` };
  });
  const partOf = (suffix: string, fallback: string): string | undefined => {
    const target = [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? `${dir}${fallback}`;
    return zip.names.has(target) ? target : undefined;
  };
  const stringsPart = partOf('/sharedStrings', 'sharedStrings.xml');
  const stylesPart = partOf('/styles', 'styles.xml');
  return {
    sheets,
    sharedStrings: stringsPart
      ? await readSharedStrings(await zip.stream(stringsPart, SHARED_STRINGS_LIMIT))
      : [],
    dateStyles: stylesPart ? readDateStyles(await zip.text(stylesPart, SMALL_PART)) : [],
    date1904,
  };
}

const isTrue = (value: string | undefined): boolean => value === '1' || value === 'true';

async function readRelationships(
  zip: ZipArchive,
  part: string,
  base: string,
): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const parser = xmlParser({
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.Id === undefined || attributes.Target === undefined) return;
      if (attributes.TargetMode === 'External') return;
      rels.set(attributes.Id, { type: attributes.Type ?? '', target: resolvePart(base, attributes.Target) });
    },
  });
  parser.write(await zip.text(part, SMALL_PART));
  parser.close();
  return rels;
}

/** A relationship target as a zip member name: absolute (`/xl/…`) or relative to the source part's folder. */
export function resolvePart(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  const resolved = out.join('/');
  if (resolved === '')
    throw new ZipMemberError(`relationship target ${JSON.stringify(target)} names no part`);
  return resolved;
}
