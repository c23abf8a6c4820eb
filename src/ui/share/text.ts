/**
 * The words of the share, import/export, notices and embed UI, in the app's languages. Kept beside the
 * components (the app's locale files belong to the main UI); the language follows the UI's (ui/i18n.ts).
 */
import { useTranslation } from '../i18n';
import type { NoticeKind } from '../../store';

interface ShareText {
  copyLink: string;
  copyLinkTitle: string;
  more: string;
  copyEmbed: string;
  exportFile: string;
  importFile: string;
  linkCopied: string;
  embedCopied: string;
  copyByHand: string;
  linkLabel: string;
  embedLabel: string;
  close: string;
  dismiss: string;
  notices: string;
  openFull: string;
  openFullTitle: string;
  reset: string;
  resetTitle: string;
  readonly: string;
  notice: Record<NoticeKind, string>;
}

const en: ShareText = {
  copyLink: 'Copy link',
  copyLinkTitle: 'Copy a link that rebuilds this exact scenario (nothing is uploaded: it is all in the link)',
  more: 'More sharing options',
  copyEmbed: 'Copy embed code',
  exportFile: 'Export scenario file',
  importFile: 'Import scenario file…',
  linkCopied: 'Link copied.',
  embedCopied: 'Embed code copied.',
  copyByHand: 'Copy it from here:',
  linkLabel: 'Share link',
  embedLabel: 'Embed code',
  close: 'Close',
  dismiss: 'Dismiss',
  notices: 'Notices',
  openFull: 'Open in full app',
  openFullTitle: 'Open this scenario, as it is now, in the full playground (new tab)',
  reset: 'Reset',
  resetTitle: 'Back to the start of this scenario',
  readonly: 'Read-only',
  notice: {
    'link-failed': 'This link could not be opened, so you start from a fresh Docker host.',
    'link-repaired': 'The link was opened after small repairs.',
    'restore-failed':
      'Your last session could not be restored, so you start from a fresh Docker host. (The saved copy was kept aside.)',
    'restore-repaired': 'Your last session was restored after small repairs.',
    'restore-skipped':
      'Some lines of the scenario could not be replayed (their terminal or container was gone).',
    'storage-full':
      'The browser’s storage is full: your work is not being saved. Export a scenario file to keep it.',
    'storage-unavailable':
      'This browser does not let the page save your work: it will be lost on reload. Copy a link or export a file to keep it.',
    'save-too-large': 'This session is too large to save automatically. Export a scenario file to keep it.',
    'import-failed': 'The file could not be imported.',
    'link-too-long': 'This scenario is too long for a link. Export a scenario file instead.',
  },
};

const zhCN: ShareText = {
  copyLink: '复制链接',
  copyLinkTitle: '复制一个能重建当前场景的链接（不上传任何内容：一切都在链接里）',
  more: '更多分享选项',
  copyEmbed: '复制嵌入代码',
  exportFile: '导出场景文件',
  importFile: '导入场景文件…',
  linkCopied: '链接已复制。',
  embedCopied: '嵌入代码已复制。',
  copyByHand: '请从这里复制：',
  linkLabel: '分享链接',
  embedLabel: '嵌入代码',
  close: '关闭',
  dismiss: '关闭提示',
  notices: '提示',
  openFull: '在完整应用中打开',
  openFullTitle: '在新标签页的完整应用中打开当前场景',
  reset: '重置',
  resetTitle: '回到这个场景的开头',
  readonly: '只读',
  notice: {
    'link-failed': '无法打开这个链接，已从一台全新的 Docker 主机开始。',
    'link-repaired': '链接经过少量修复后已打开。',
    'restore-failed': '无法恢复上次的会话，已从一台全新的 Docker 主机开始。（保存的副本已另行保留。）',
    'restore-repaired': '上次的会话经过少量修复后已恢复。',
    'restore-skipped': '场景中有些命令无法重放（它们的终端或容器已不存在）。',
    'storage-full': '浏览器存储空间已满，你的操作没有被保存。请导出场景文件来保留。',
    'storage-unavailable': '此浏览器不允许页面保存你的操作，刷新后会丢失。请复制链接或导出文件来保留。',
    'save-too-large': '这个会话太大，无法自动保存。请导出场景文件来保留。',
    'import-failed': '无法导入这个文件。',
    'link-too-long': '这个场景太长，无法放进链接。请改为导出场景文件。',
  },
};

export function useShareText(): ShareText {
  const { i18n } = useTranslation();
  return i18n.language.toLowerCase().startsWith('zh') ? zhCN : en;
}
