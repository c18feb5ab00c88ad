/** The `creditlens` command: dispatch only. Each command lives in commands/<name>.ts. */
import { EXIT, InputError, processIo, type Io } from './io.ts';

const HELP = `信用透镜 CreditLens 命令行

用法 Usage:
  creditlens assess FILE.json [--as-of YYYY-MM-DD] [--settings FILE.json]
      评估一条主体记录，输出评估结果 JSON（--as-of 默认为北京时间今天）
      Assess an entity record; prints the Assessment JSON (--as-of defaults to today, China time)
  creditlens assess 页面.html [--url URL] [--as-of YYYY-MM-DD]
      先读取保存的国家企业信用信息公示系统或信用中国页面，再评估 · Parse a saved credit-site page, then assess it
  creditlens assess 文件夹 [--as-of YYYY-MM-DD] [--format json|csv]
      批量检查文件夹中保存的页面和记录，每个主体一行 · Check a folder of saved pages and records, one row per entity
  creditlens parse 页面.html [--url URL] [--site-rules 站点规则.json]
      输出页面读取结果（完整性、记录）；读懂退出码 0，未读懂 3 · Print the ParseResult; exit 0 understood, 3 not
      --site-rules：按团队发布的站点规则（别名、停用开关）读取 · read with the team's site rules (aliases, kill switch)
  creditlens verify-evidence 取证.zip
      校验保存取证的 ZIP：每个文件的 SHA-256、重新读取页面与记录一致；通过退出码 0，被改动或不一致 1，不是取证文件 2
      Verify an evidence ZIP: every SHA-256, and the page read again equals its record; exit 0 verified, 1 altered, 2 not evidence
  creditlens validate-id CODE
      校验统一社会信用代码或注册号；有效退出码 0，否则 1
      Check a Unified Social Credit Code or 注册号; exit 0 when valid, 1 otherwise
      旧版注册号（13 位、含 NA）无校验位：valid 为 null，退出码 0 · Legacy numbers have no check digit: valid null, exit 0

退出码 Exit codes: 0 成功 done · 1 校验未通过 not valid · 2 输入有误 bad input · 3 页面未读懂 page not understood
`;

type Command = (args: readonly string[], io: Io) => number | Promise<number>;

// Loaded when named: a command pays only for its own code (validate-id never loads the page parser).
const COMMANDS: Record<string, () => Promise<Command>> = {
  assess: async () => (await import('./commands/assess.ts')).assess,
  parse: async () => (await import('./commands/parse.ts')).parse,
  'verify-evidence': async () => (await import('./commands/verify-evidence.ts')).verifyEvidence,
  'validate-id': async () => (await import('./commands/validate-id.ts')).validateId,
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`creditlens: unknown command "${name}" (try --help)\n`);
    return EXIT.badInput;
  }
  const command = await load();
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(error.lines.map((line) => `creditlens ${name}: ${line}\n`).join(''));
      return EXIT.badInput;
    }
    // parseArgs reports unknown or malformed options this way.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`creditlens ${name}: ${error.message}\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}
