// The smallest valid playbook, shared by the playbook tests: they change one line of it at a time, and several
// assert the line a refusal points at, so the text's lines are part of what they test.
export const SAMPLE_PLAYBOOK = `id: sample
riskType: content
severities: [SEV3]
name: { zh-CN: 样例, en: Sample }
summary: { zh-CN: 样例, en: Sample }
steps:
  - id: first
    text: { zh-CN: 第一步, en: First }
    role: commander
    dueMinutes: 10
updateCadence: { SEV3: 60 }
`;
