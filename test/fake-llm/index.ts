export { startFakeLlm, type FakeLlm, type FakeLlmRequest } from './start-fake-llm';
export {
  fakeReply,
  type ContentStep,
  type ErrorStep,
  type ScriptedStep,
  type ScriptedUsage,
} from './scripted-reply';
export { type FakeApi } from './wire-format';
