// npm run sync:setup -- http://admin:password@host:5984/anju [--user name:password:team ...]
// Prepares an existing CouchDB (3.x) for the app's live sync: the database, its security object (roles office and
// team) and the validation design document. Safe to run again: what is already there is left as it is.
import { parseSetupUrl, parseUserArg, setupDatabase } from '../src/db/sync/setup';

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith('--') && !args[args.indexOf(a) - 1]?.startsWith('--user'));
const users = args.flatMap((a, i) =>
  a === '--user' && args[i + 1] ? [parseUserArg(args[i + 1] as string)] : [],
);

if (!url) {
  console.error('用法：npm run sync:setup -- http://管理员:密码@服务器:5984/anju [--user 用户名:密码:team]');
  process.exit(2);
}

try {
  const target = parseSetupUrl(url);
  const done = await setupDatabase(target, users);
  for (const line of done) console.log(`✓ ${line}`);
  console.log(`同步数据库已就绪：${target.server}/${target.database}`);
} catch (err) {
  console.error(`同步数据库设置失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
