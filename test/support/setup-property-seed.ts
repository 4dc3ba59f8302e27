// Every property test of the file runs with the printed seed (see property-seed.ts).
import { seedPropertyTests } from './property-seed';

seedPropertyTests();
