/** `npm run fake:eures` / `npm run fake:national`: a fake outside service on a loopback port. */
import { createEuresFake } from './eures-fake';
import { createNationalFake } from './national-fake';

const which = process.argv[2] ?? '';
const defaults: Record<string, number> = { eures: 4101, national: 4102 };
if (!(which in defaults)) {
  console.error('usage: run-fake.js eures|national');
  process.exit(2);
}
const port = Number(process.env.PORT ?? defaults[which]);
const fake = which === 'eures' ? createEuresFake() : createNationalFake();
void fake.start(port).then(() => {
  console.log(
    `${which} fake on ${fake.url}; faults: POST ${fake.url}/_fake/fault {"kind":"slow","delayMs":3000}`,
  );
});
