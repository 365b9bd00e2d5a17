import type { Command } from 'commander'
import type { GlobalOptions } from './context'
import { listCommand, type ListOptions } from './list'
import { searchCommand, type SearchOptions } from './search'
import { tagCommand, type TagOptions } from './tag'

const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

/** `list`, `search` and `tag`: the library, search and tag commands. */
export function registerLibraryCommands(p: Command, g: (cmd: Command) => GlobalOptions, set: (code: number) => void): void {
  p.command('list')
    .description('list the articles in the library (newest first)')
    .option('--query <q>', 'only articles matching a search query, e.g. "steppe tag:region is:unread"')
    .option('--tag <tag>', 'only articles with this tag or one of its children (repeatable: all must match)', collect)
    .option('--sort <sort>', 'added, published, lastRead (newest first) or title (A–Z)')
    .action((_o, cmd: Command) => set(listCommand(g(cmd) as ListOptions)))
  p.command('search')
    .description('search articles, highlights and notes (words, "phrases", -not, prefix*, tag:, author:, after:, before:, color:, is:, in:)')
    .argument('<query>', 'what to look for; quote it for the shell')
    .option('--limit <n>', 'most hits to print (default 20)')
    .action((q: string, _o, cmd: Command) => set(searchCommand(q, g(cmd) as SearchOptions)))
  p.command('tag')
    .description('tag articles (ID… --add T… --remove T…) or rename, merge, delete and list tags')
    .argument('[ids...]', 'article ids (see scholia list --json)')
    .option('--add <tags...>', 'tags to add to the articles')
    .option('--remove <tags...>', 'tags to remove from the articles (exactly these, not their children)')
    .option('--rename <old-new...>', 'rename a tag and its children: --rename OLD NEW')
    .option('--merge <from-into...>', 'move everything tagged FROM onto INTO, then remove FROM: --merge FROM INTO')
    .option('--delete <tag>', 'remove a tag and its children from everything (undo in the app)')
    .option('--list', 'print the tag tree with counts')
    .action((ids: string[], _o, cmd: Command) => set(tagCommand(ids, g(cmd) as TagOptions)))
}
