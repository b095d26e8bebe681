import { relative, resolve } from 'node:path';
import { contentDir } from '../core/content-dir.ts';
import { writeGeneratedArchive } from '../generate/archive.ts';
import { BulletinError } from '../core/errors.ts';

/**
 * `npm run generate -- --issues N --out DIR [--seed S] [--include-source] [--no-media]`: a content folder of N
 * realistic issues whose text recombines the wording of content/ (or CONTENT_DIR), for tests and
 * benchmarks (`--no-media`: text alone, no photos or original PDFs). The same seed always gives the same files.
 */
function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const issues = Number(option(args, '--issues'));
  const out = option(args, '--out');
  const seed = Number(option(args, '--seed') ?? 1);
  if (!Number.isInteger(issues) || issues < 1 || !out || !Number.isInteger(seed)) {
    process.stderr.write(
      '用法：npm run generate -- --issues 期数 --out 输出目录 [--seed 整数] [--include-source] [--no-media]\n',
    );
    return 2;
  }
  const outDir = resolve(out);
  const generated = await writeGeneratedArchive({
    sourceDir: contentDir(),
    outDir,
    issues,
    seed,
    includeSource: args.includes('--include-source'),
    media: !args.includes('--no-media'),
  });
  const { files } = generated;
  const shown = relative(process.cwd(), outDir);
  const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  process.stdout.write(
    `已在 ${shown.startsWith('..') ? outDir : shown || '.'}/ 生成 ${files.length} 期（${files[0]} 至 ${files.at(-1)}），` +
      `图片 ${generated.pictures} 张（${megabytes(generated.pictureBytes)} MB），` +
      `原刊 PDF ${generated.originals} 份（${megabytes(generated.originalBytes)} MB）。\n`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  if (!(error instanceof BulletinError)) throw error;
  process.stderr.write(`没有生成：${error.message}\n`);
  return 1;
});
