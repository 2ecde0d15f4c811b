/**
 * Runs the W3C Web Annotation test suite's assertions (the JSON Schemas the W3C's own
 * annotation-model tests use, kept in ../shared/conformance/w3c-web-annotation) against a
 * document, the way its JSONtest harness does: each `*.test` file lists assertion files; each
 * assertion is a schema plus `assertionType` (must, should, may), `expectedResult` (valid or
 * invalid: some assertions pass by *not* matching) and `onUnexpectedResult` (whether a wrong
 * result fails, and whether the rest of the list still runs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { z } from '../../../common/zod';
import { draft04ToAjv, isDateTime, isUri, type RefSiblings } from './w3c-draft04';

export const W3C_SUITE_DIR = resolve(import.meta.dirname, '../../../../../shared/conformance/w3c-web-annotation');

/** The JSONtest keywords beside the schema keywords; declared so strict Ajv accepts them. */
const HARNESS_KEYWORDS = ['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage'];

const testFileSchema = z.object({ name: z.string(), assertions: z.array(z.string()) });

const assertionMetaSchema = z.object({
  title: z.string(),
  assertionType: z.enum(['must', 'should', 'may']),
  // The harness's defaults when a file leaves these out.
  expectedResult: z.enum(['valid', 'invalid']).default('valid'),
  onUnexpectedResult: z.enum(['failAndContinue', 'failAndSkip', 'failAndAbort', 'passAndContinue', 'passAndSkip', 'passAndAbort']).default('failAndContinue'),
  errorMessage: z.string().optional(),
});

type AssertionMeta = z.infer<typeof assertionMetaSchema>;

export interface W3cAssertion extends AssertionMeta {
  /** Path inside the suite, as the `.test` file lists it. */
  file: string;
  validate: ValidateFunction;
}

export interface AssertionFailure {
  file: string;
  title: string;
  message: string;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(W3C_SUITE_DIR, path), 'utf8'));
}

/** A suite file as an Ajv 8 schema; every file in the suite is a JSON object. */
function readSchema(path: string, refSiblings: RefSiblings): Record<string, unknown> {
  const schema = draft04ToAjv(readJson(path), refSiblings);
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error(`${path} is not a JSON Schema object`);
  return schema as Record<string, unknown>;
}

/**
 * An Ajv holding every definitions file under its own `id`, so assertions' `$ref`s such as
 * "bodyTarget.json#/definitions/…" resolve. Strict about schemas (an unknown keyword or
 * format is an error, not silently ignored) but not about the suite's style: it leaves out
 * `type` beside `required` and uses union types, which strictTypes and strictRequired reject.
 */
export function suiteAjv(refSiblings: RefSiblings): Ajv {
  const ajv = new Ajv({ strictSchema: true, strictTypes: false, strictRequired: false, strictTuples: false, allErrors: true });
  ajv.addVocabulary(HARNESS_KEYWORDS);
  ajv.addFormat('uri', isUri);
  ajv.addFormat('date-time', isDateTime);
  for (const name of readdirSync(join(W3C_SUITE_DIR, 'definitions')).filter((file) => file.endsWith('.json'))) {
    ajv.addSchema(readSchema(join('definitions', name), refSiblings));
  }
  return ajv;
}

/** The assertion files a `.test` file lists, as paths inside the suite. */
export function listedAssertions(testFile: string): string[] {
  return testFileSchema.parse(readJson(testFile)).assertions;
}

/** Assertion files compiled with `ajv`, read in the same way as its definitions. */
export function compileAssertions(ajv: Ajv, refSiblings: RefSiblings, files: string[]): W3cAssertion[] {
  return files.map((file) => {
    const meta = assertionMetaSchema.parse(readJson(file));
    return { file, ...meta, validate: ajv.compile(readSchema(file, refSiblings)) };
  });
}

/**
 * The assertions whose result for `doc` is not the one they expect, even where their
 * `onUnexpectedResult` lets that pass (as it does for every should and may): for checking that
 * the suite recognises a feature the export means to implement.
 */
export function unexpectedResults(assertions: W3cAssertion[], doc: unknown): string[] {
  return assertions.filter((assertion) => assertion.validate(doc) !== (assertion.expectedResult === 'valid')).map((assertion) => assertion.file);
}

/**
 * The assertions that fail for `doc`, honouring each one's expected result and what it says to
 * do when the result is unexpected ("pass…" counts it as passed; "…Skip" and "…Abort" stop the
 * list, which is flat in this suite, so both end the run).
 */
export function failedAssertions(assertions: W3cAssertion[], doc: unknown): AssertionFailure[] {
  const failures: AssertionFailure[] = [];
  for (const assertion of assertions) {
    const valid = assertion.validate(doc);
    if (valid === (assertion.expectedResult === 'valid')) continue;
    if (assertion.onUnexpectedResult.startsWith('fail')) {
      const detail = (assertion.validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`).join('; ');
      failures.push({ file: assertion.file, title: assertion.title, message: `${assertion.errorMessage ?? 'unexpected result'} [${detail}]` });
    }
    if (!assertion.onUnexpectedResult.endsWith('Continue')) break;
  }
  return failures;
}

/** Whether the suite is on this machine (it lives outside the repository, in ../shared). */
export function suitePresent(): boolean {
  return existsSync(join(W3C_SUITE_DIR, 'annotations'));
}
