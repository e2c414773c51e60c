/**
 * The scenario format: one plain-data document that a share link, a saved file,
 * an embed and the gallery all carry (docs/scenarios.md). Versioned by its
 * `vethlab` field; older versions are migrated on read (migrate.ts).
 */

/** The version this build writes; it reads this one and every older one. */
export const SCENARIO_VERSION = 1;

/** What a packet's walk ended in: the kinds of a Trace's outcome (src/sim/net/trace.ts). */
export const PACKET_OUTCOMES = [
  'replied',
  'delivered',
  'dropped',
  'rejected',
  'port-closed',
  'no-route',
  'no-neighbour',
  'ttl-exceeded',
  'forwarding-disabled',
  'lost',
] as const;
export type PacketOutcome = (typeof PACKET_OUTCOMES)[number];

/**
 * What running a step should do. Every field given is checked (`vethlab check`,
 * the gallery's tests); a missing one is not.
 */
export interface StepExpectation {
  /** The command's exit status. */
  exit?: number;
  /** How the command's last packet ended. */
  packet?: PacketOutcome;
  /**
   * The rule that dropped or rejected the last packet: its text as iptables-save
   * prints it (`-A DOCKER-USER -s 172.18.0.3/32 -j DROP`), or where it sits
   * (`raw PREROUTING rule 2`, `filter FORWARD policy`).
   */
  droppedBy?: string;
  /** Text the command prints (standard output or error). */
  output?: string;
}

export interface ScenarioStep {
  /** What the step shows and explains (plain text). */
  text?: string;
  /** One line, run as if typed into the Docker host's terminal. */
  run: string;
  expect?: StepExpectation;
}

export interface ArticleRef {
  title: string;
  year: string;
}

export type PanelName = 'guide' | 'trace' | 'rules' | 'inspector';
export type ThemeName = 'light' | 'dark' | 'auto';

/** How the scenario opens. */
export interface ScenarioView {
  panel?: PanelName;
  /** The step to start at, counted from 1 as the Guide numbers them. */
  step?: number;
  theme?: ThemeName;
  /**
   * Networks whose containers the canvas draws as one group node, by the
   * layout's stable names (`network:NAME`, `bridge:IFNAME`).
   */
  collapsed?: string[];
}

/**
 * Node positions by stable names, never generated ids, so that a link made on
 * one machine lays out the same on another: `container:NAME` (its namespace's
 * box), `network:NAME` (its bridge), `bridge:IFNAME` (a bridge without a
 * network), and `host`, `host:stack`, `host:eth0`, `lan`, `gw`, `internet`.
 */
export type ScenarioLayout = Record<string, readonly [number, number]>;

export interface ScenarioDoc {
  vethlab: typeof SCENARIO_VERSION;
  /** A short name (letters, digits, `-`): the gallery's scenarios are linked by it. */
  id?: string;
  title?: string;
  description?: string;
  /** Where Docker 28.5 differs from the article the scenario comes from. */
  today?: string;
  article?: ArticleRef;
  tags?: string[];
  /** Seeds IDs, MAC addresses and veth names (default 1). */
  seed?: number;
  /** The lines that build the world, as typed in the Docker host's terminal. */
  setup: string[];
  steps?: ScenarioStep[];
  layout?: ScenarioLayout;
  view?: ScenarioView;
  /** A line worth trying first (default: the first step's). */
  hint?: string;
}

/** The translatable text of a scenario, in a file beside it (`NAME.zh-CN.yaml`). */
export interface ScenarioText {
  title?: string;
  description?: string;
  today?: string;
  /** One text per step, in the steps' order. */
  steps?: string[];
}

/** Limits on what a document (from a link, a file or a message) may hold. */
export const LIMITS = {
  /** Setup lines and steps together. */
  lines: 500,
  /** Characters of one command line. */
  lineChars: 8192,
  /** Characters of one text (title, description, a step's text). */
  textChars: 8192,
  layoutEntries: 5000,
  tags: 32,
  /** Characters of a scenario file (a scenario of 500 long lines fits). */
  fileChars: 1024 * 1024,
} as const;
