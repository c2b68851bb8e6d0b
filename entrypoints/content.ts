import { analyze } from '@/lib/analyze';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {
    return analyze(document);
  },
});
