/**
 * The scenario on the first screen: a user-defined bridge network with two
 * busybox containers (they reach each other by name through Docker's embedded
 * DNS) and one container on the default bridge docker0 (which the user network
 * cannot reach: Docker's raw-table rule drops it).
 */
import type { Scenario } from './scenario.ts';

export const STARTER_SCENARIO: Scenario = {
  id: 'two-networks',
  titleKey: 'scenario.twoNetworks.title',
  notesKey: 'scenario.twoNetworks.notes',
  commands: [
    'docker network create mynet',
    'docker run -dit --name bbox1 --network mynet busybox',
    'docker run -dit --name bbox2 --network mynet busybox',
    'docker run -dit --name bbox3 busybox',
  ],
  hint: 'docker exec bbox1 ping -c 1 bbox2',
};
