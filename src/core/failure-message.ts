import { BulletinError } from './errors.ts';
import { errorChain, errorCode, writeFailureReason } from './write-reason.ts';

/**
 * What to tell the editor when a command fails for a reason other than the content (content
 * errors are diagnostics with file and line): our own errors say what happened and what to do,
 * a file operation's failure names the system's reason and the path, and anything else is a bug
 * of the program, said to be one, without a stack trace.
 */
export function failureMessage(error: unknown): string {
  if (error instanceof BulletinError) return error.message;
  if (errorCode(error) !== undefined) return writeFailureReason(error);
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return '程序处理时递归过深（Maximum call stack size exceeded）。这是程序的问题：请连同这条信息和所用的内容报告。';
  const what = errorChain(error)
    .slice(0, 5)
    .map((e) => `${e.name}: ${e.message}`)
    .join(' ← ');
  const where =
    process.env.BULLETIN_DEBUG && error instanceof Error && error.stack
      ? `\n${error.stack}`
      : '（设置环境变量 BULLETIN_DEBUG=1 再运行，可看到出错的程序位置）';
  return `程序内部出错（${what || String(error)}）。这不是内容的问题：请连同这条信息和所用的命令报告${where}。`;
}
