/**
 * English text of the gallery (namespace `gallery`): the dialog, the
 * Guide tab, and each scenario of src/scenario/gallery under `scenarios.<id>`
 * (`steps` in the order of the scenario's steps). Facts come from the simulator.
 * Its own chunk, loaded when the gallery is first needed (i18n/index.ts); the
 * few strings the first screen shows are in gallery.en.first.ts.
 */
import { GALLERY_DOCS } from '../../scenario/gallery/gallery.gen.ts';
import { scenarioResource } from '../../scenario/gallery/resource.ts';
import { galleryEnFirst } from './gallery.en.first.ts';

export const galleryEn = {
  ui: {
    ...galleryEnFirst.ui,
    dialogTitle: 'Gallery',
    dialogIntro: 'Each scenario builds a fresh world, then guides you step by step. Every step is a command you run with one click or type yourself.',
    close: 'Close',
    openFile: 'Load a scenario file…',
    openFileHelp: 'A .yaml file saved from Share, or written by a tutorial author (docs/scenarios.md).',
    openScenario: 'Open',
    current: 'open now',
    steps_one: '{{count}} step',
    steps_other: '{{count}} steps',
    fromArticle: 'From the article “{{title}}” ({{year}})',
    beyond: 'Beyond the articles',
    confirmTitle: 'Replace the current world?',
    confirmText_one: 'Opening “{{title}}” builds a new world. The command you ran yourself will be lost, with what it built:',
    confirmText_other: 'Opening “{{title}}” builds a new world. The {{count}} commands you ran yourself will be lost, with what they built:',
    confirmLinkText_one: 'Opening the shared scenario “{{title}}” replaces your world. The command you ran yourself is kept, and “Back to my world” brings it back:',
    confirmLinkText_other: 'Opening the shared scenario “{{title}}” replaces your world. The {{count}} commands you ran yourself are kept, and “Back to my world” brings them back:',
    confirmMore: '… and {{count}} more',
    confirmReplace: 'Replace the world',
    cancel: 'Cancel',
    tags: 'Topics',
  },
  guide: {
    ...galleryEnFirst.guide,
    label: 'Steps of the scenario',
    empty: 'No guided scenario is open. The world here is the example from the first screen.',
    browse: 'Browse the gallery',
    back: 'All scenarios',
    restart: 'Start again',
    restartTitle: 'Build this scenario’s world again from its setup (your commands are discarded)',
    setup_one: 'Setup: {{count}} command already ran',
    setup_other: 'Setup: {{count}} commands already ran',
    step: 'Step {{n}}',
    run: 'Run',
    runLabel: 'Run step {{n}}: {{command}}',
    output: 'What the step’s command printed',
    type: 'Type',
    typeLabel: 'Type step {{n}} into the terminal: {{command}}',
    done: 'done',
    next: 'next',
    today: 'Today vs the article',
    todayBeyond: 'Today',
    expectOk: 'expected: succeeds',
    expectFail: 'expected: fails',
    expectDrop: 'expected: dropped',
    asExpected: '✓ As the scenario expects',
    notAsExpected: '✗ Not what the scenario expects:',
    allDone: 'All steps done. Try your own commands, or pick another scenario.',
  },
  header: {
    next: 'Next step',
  },
  terminal: {
    ...galleryEnFirst.terminal,
  },
  tags: {
    article: 'article',
    link: '--link',
    dns: 'DNS',
    isolation: 'isolation',
    veth: 'veth',
    bridge: 'bridge',
    iptables: 'iptables',
    ports: 'ports',
    nat: 'NAT',
    icc: 'icc',
    internal: 'internal',
    host: 'host',
    none: 'none',
    joined: 'joined',
  },
  /** Each scenario's text, from its file (src/scenario/gallery/scenarios/NN-ID.yaml). */
  scenarios: Object.fromEntries(GALLERY_DOCS.map((doc) => [doc.id!, scenarioResource(doc)])) as Record<string, ReturnType<typeof scenarioResource>>,
};

export type GalleryResources = typeof galleryEn;
export type ScenarioResource = ReturnType<typeof scenarioResource>;
