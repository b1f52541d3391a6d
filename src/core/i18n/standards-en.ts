import type { StandardsMessages } from './standards.js';

export const en: StandardsMessages = {
  standardsTitle: 'Our ten service standards',
  standardsIntro: 'We promise to serve citizens and businesses to these standards:',
  standardsLoadFailed: 'The agency\'s list of standards could not be loaded; showing the ten common standards.',
  rateStandard: (standard) => `Rate this standard: ${standard}`,
  rateStandardShort: 'Rate',
  close: 'Close',
};
