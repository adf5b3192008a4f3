import { describe, expect, it } from 'vitest';
import { conversationIdOfThread, questionOf } from '../../src/slack/slack-assistant.js';
import { parseSlackCommand } from '../../src/slack/slack-command.js';

describe('/incident-ai command', () => {
  it('parses link, unlink, status and help', () => {
    expect(parseSlackCommand('link PDEMO01')).toEqual({ action: 'link', incidentId: 'PDEMO01' });
    expect(parseSlackCommand('  LINK   Q1ABC_2-x ')).toEqual({ action: 'link', incidentId: 'Q1ABC_2-x' });
    expect(parseSlackCommand('unlink')).toEqual({ action: 'unlink' });
    expect(parseSlackCommand('status')).toEqual({ action: 'status' });
    expect(parseSlackCommand('')).toEqual({ action: 'help', problem: null });
    expect(parseSlackCommand('help')).toEqual({ action: 'help', problem: null });
  });

  it('explains what is wrong with a bad command', () => {
    expect(parseSlackCommand('link')).toMatchObject({ action: 'help', problem: expect.stringContaining('Name the incident') });
    expect(parseSlackCommand('link <script>')).toMatchObject({ action: 'help', problem: expect.stringContaining('is not an incident id') });
    expect(parseSlackCommand('link PDEMO01 PDEMO02')).toMatchObject({ action: 'help' });
    expect(parseSlackCommand('delete everything')).toMatchObject({ action: 'help', problem: 'Unknown command "delete".' });
  });
});

describe('mentions', () => {
  it('takes the question from the text without mentions', () => {
    expect(questionOf('<@U0INCAI> what caused it?')).toBe('what caused it?');
    expect(questionOf('hey <@U0INCAI|incident-ai>   who is on <#C123|inc>  call? <!here>')).toBe('hey who is on call?');
    expect(questionOf('<@U0INCAI>')).toBe('');
  });

  it('makes one conversation per thread', () => {
    expect(conversationIdOfThread('C1', '1710000000.000100')).toBe('slack:C1:1710000000.000100');
  });
});
