import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db/test-database';
import { AI_STRATEGY_TEMPLATES } from './prompts/templates';
import {
  acceptDraft,
  createAiStrategy,
  createDraftVersion,
  editAiStrategy,
  getAiStrategyVersion,
  getCurrentAiStrategyVersion,
  listAiStrategies,
  setDefaultAiStrategy,
} from './strategies';
import { createUser } from './test-db-fixtures';

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let alice: string;
let bob: string;
beforeAll(async () => {
  t = await createTestDatabase();
  alice = await createUser(t.db, 'alice');
  bob = await createUser(t.db, 'bob');
});
afterAll(() => t.drop());

describe('AI strategies as versioned prompts', () => {
  it('creates from a template: version 1, active, the first one default', async () => {
    const { strategy, version } = await createAiStrategy(t.db, alice, {
      name: 'SMC',
      templateId: 'ict-smc',
    });
    expect(strategy).toMatchObject({ userId: alice, name: 'SMC', isDefault: true });
    expect(version).toMatchObject({
      strategyId: strategy.id,
      version: 1,
      status: 'active',
      provider: null,
      model: null,
    });
    expect(version.systemPrompt).toBe(AI_STRATEGY_TEMPLATES[0]!.systemPrompt);
    expect(version.params).toMatchObject({
      candleRows: 40,
      indicatorRows: 8,
      rules: { id: 'simple', params: {} },
    });

    const second = await createAiStrategy(t.db, alice, {
      name: 'Custom',
      systemPrompt: 'Trade carefully. '.repeat(5),
      provider: 'gemini',
      model: 'gemini-2.5-pro',
    });
    expect(second.strategy.isDefault).toBe(false);
    expect(second.version).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-pro' });
    expect(second.version.params).toMatchObject({ candleRows: 30 });
  });

  it('keeps exactly one default per user', async () => {
    const [first, second] = await listAiStrategies(t.db, alice);
    await setDefaultAiStrategy(t.db, alice, second!.id);
    const after = await listAiStrategies(t.db, alice);
    expect(after.map((s) => [s.id, s.isDefault])).toEqual([
      [first!.id, false],
      [second!.id, true],
    ]);
    const third = await createAiStrategy(t.db, alice, {
      name: 'New default',
      templateId: 'conservative-scalp',
      isDefault: true,
    });
    expect(
      (await listAiStrategies(t.db, alice)).filter((s) => s.isDefault).map((s) => s.id),
    ).toEqual([third.strategy.id]);
  });

  it('edits content by adding an immutable version; renames in place', async () => {
    const { strategy, version: v1 } = await createAiStrategy(t.db, alice, {
      name: 'Edit me',
      templateId: 'ict-smc',
    });
    const renamed = await editAiStrategy(t.db, alice, strategy.id, { name: 'Renamed' });
    expect(renamed.strategy.name).toBe('Renamed');
    expect(renamed.version.id).toBe(v1.id);

    const { version: v2 } = await editAiStrategy(t.db, alice, strategy.id, {
      systemPrompt: 'A new prompt that is long enough.',
      note: 'tighter',
    });
    expect(v2).toMatchObject({
      version: 2,
      status: 'active',
      basedOnVersionId: v1.id,
      note: 'tighter',
      params: v1.params,
    });
    const { version: v3 } = await editAiStrategy(t.db, alice, strategy.id, {
      params: { candleRows: 12 },
      model: 'gpt-4.1',
    });
    expect(v3).toMatchObject({
      version: 3,
      systemPrompt: 'A new prompt that is long enough.',
      model: 'gpt-4.1',
    });
    expect(v3.params).toMatchObject({ candleRows: 12, indicatorRows: 10 });

    expect((await getAiStrategyVersion(t.db, { userId: alice, versionId: v1.id })).version).toEqual(
      v1,
    );
    expect(
      (await getCurrentAiStrategyVersion(t.db, { userId: alice, strategyId: strategy.id })).id,
    ).toBe(v3.id);
    const listed = (await listAiStrategies(t.db, alice)).find((s) => s.id === strategy.id)!;
    expect(listed.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(listed.current!.id).toBe(v3.id);
  });

  it('rejects invalid params and unknown templates or rule strategies', async () => {
    await expect(
      createAiStrategy(t.db, alice, { name: 'x', templateId: 'nope' }),
    ).rejects.toMatchObject({ code: 'bad_request' });
    await expect(createAiStrategy(t.db, alice, { name: 'x' })).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(
      createAiStrategy(t.db, alice, {
        name: 'x',
        templateId: 'ict-smc',
        params: { candleRows: 1 },
      }),
    ).rejects.toMatchObject({
      code: 'bad_request',
      fields: { 'params.candleRows': [expect.any(String)] },
    });
    await expect(
      createAiStrategy(t.db, alice, {
        name: 'x',
        templateId: 'ict-smc',
        params: { rules: { id: 'martingale' } },
      }),
    ).rejects.toMatchObject({
      code: 'bad_request',
      fields: { 'params.rules': [expect.stringContaining('Unknown strategy')] },
    });
  });

  it('keeps a draft out of use until it is accepted, then accepts it once', async () => {
    const { strategy, version: v1 } = await createAiStrategy(t.db, alice, {
      name: 'Drafted',
      templateId: 'conservative-scalp',
    });
    const draft = await createDraftVersion(t.db, {
      userId: alice,
      basedOnVersionId: v1.id,
      systemPrompt: 'A suggested, better prompt for scalping.',
      note: 'from a reflection',
    });
    expect(draft).toMatchObject({
      version: 2,
      status: 'draft',
      basedOnVersionId: v1.id,
      params: v1.params,
    });
    expect(
      (await getCurrentAiStrategyVersion(t.db, { userId: alice, strategyId: strategy.id })).id,
    ).toBe(v1.id);
    let listed = (await listAiStrategies(t.db, alice)).find((s) => s.id === strategy.id)!;
    expect(listed.pendingDrafts.map((d) => d.id)).toEqual([draft.id]);

    const accepted = await acceptDraft(t.db, { userId: alice, draftVersionId: draft.id });
    expect(accepted).toMatchObject({
      version: 3,
      status: 'active',
      basedOnVersionId: draft.id,
      systemPrompt: draft.systemPrompt,
    });
    expect(
      (await getCurrentAiStrategyVersion(t.db, { userId: alice, strategyId: strategy.id })).id,
    ).toBe(accepted.id);
    listed = (await listAiStrategies(t.db, alice)).find((s) => s.id === strategy.id)!;
    expect(listed.pendingDrafts).toEqual([]);
    expect(listed.versions.find((v) => v.id === draft.id)!.status).toBe('draft');

    await expect(
      acceptDraft(t.db, { userId: alice, draftVersionId: draft.id }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(acceptDraft(t.db, { userId: alice, draftVersionId: v1.id })).rejects.toMatchObject(
      { code: 'conflict' },
    );
  });

  it('lets a user read and change only their own strategies', async () => {
    const { strategy, version } = await createAiStrategy(t.db, alice, {
      name: 'Private',
      templateId: 'ict-smc',
    });
    const draft = await createDraftVersion(t.db, {
      userId: alice,
      basedOnVersionId: version.id,
      systemPrompt: 'Secret improved prompt text.',
      note: 'n',
    });
    expect(await listAiStrategies(t.db, bob)).toEqual([]);
    const notFound = { code: 'not_found' };
    await expect(
      getAiStrategyVersion(t.db, { userId: bob, versionId: version.id }),
    ).rejects.toMatchObject(notFound);
    await expect(
      getCurrentAiStrategyVersion(t.db, { userId: bob, strategyId: strategy.id }),
    ).rejects.toMatchObject(notFound);
    await expect(
      editAiStrategy(t.db, bob, strategy.id, { systemPrompt: 'Hijacked prompt text.' }),
    ).rejects.toMatchObject(notFound);
    await expect(setDefaultAiStrategy(t.db, bob, strategy.id)).rejects.toMatchObject(notFound);
    await expect(
      acceptDraft(t.db, { userId: bob, draftVersionId: draft.id }),
    ).rejects.toMatchObject(notFound);
    await expect(
      createDraftVersion(t.db, {
        userId: bob,
        basedOnVersionId: version.id,
        systemPrompt: 'Another hijack attempt.',
        note: 'n',
      }),
    ).rejects.toMatchObject(notFound);
    const mine = (await listAiStrategies(t.db, alice)).find((s) => s.id === strategy.id)!;
    expect(mine.versions).toHaveLength(2);
    expect(mine.current!.id).toBe(version.id);
  });
});
