import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipalities of Pohjois-Savo with their official codes, names in Finnish and Swedish,
 * approximate centre coordinates (WGS84, the main town's centre) and employment area. The
 * eleven of the Kuopio employment area are marked 'kuopio'. Centres are coarse locations: a
 * municipality can be 80 km across.
 */
const MUNICIPALITIES: [string, string, string, number, number, string | null][] = [
  ['297', 'Kuopio', 'Kuopio', 62.8924, 27.677, 'kuopio'],
  ['204', 'Kaavi', 'Kaavi', 62.9756, 28.4832, 'kuopio'],
  ['239', 'Keitele', 'Keitele', 63.1777, 26.3497, 'kuopio'],
  ['402', 'Lapinlahti', 'Lapinlahti', 63.366, 27.3924, 'kuopio'],
  ['686', 'Rautalampi', 'Rautalampi', 62.6224, 26.8335, 'kuopio'],
  ['687', 'Rautavaara', 'Rautavaara', 63.4936, 28.3003, 'kuopio'],
  ['749', 'Siilinjärvi', 'Siilinjärvi', 63.0752, 27.6602, 'kuopio'],
  ['778', 'Suonenjoki', 'Suonenjoki', 62.6249, 27.1265, 'kuopio'],
  ['844', 'Tervo', 'Tervo', 62.9552, 26.7564, 'kuopio'],
  ['857', 'Tuusniemi', 'Tuusniemi', 62.8163, 28.4917, 'kuopio'],
  ['921', 'Vesanto', 'Vesanto', 62.9307, 26.4169, 'kuopio'],
  ['140', 'Iisalmi', 'Idensalmi', 63.5592, 27.1907, null],
  ['171', 'Joroinen', 'Jorois', 62.1797, 27.8275, null],
  ['263', 'Kiuruvesi', 'Kiuruvesi', 63.6528, 26.6194, null],
  ['420', 'Leppävirta', 'Leppävirta', 62.4917, 27.7875, null],
  ['595', 'Pielavesi', 'Pielavesi', 63.2339, 26.7589, null],
  ['762', 'Sonkajärvi', 'Sonkajärvi', 63.6694, 27.5222, null],
  ['915', 'Varkaus', 'Varkaus', 62.3153, 27.8731, null],
  ['925', 'Vieremä', 'Vieremä', 63.7444, 27.0017, null],
];

export class Municipalities1795845800000 implements MigrationInterface {
  name = 'Municipalities1795845800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [code, nameFi, nameSv, latitude, longitude, area] of MUNICIPALITIES) {
      await queryRunner.query(
        `INSERT INTO municipality (code, name_fi, name_sv, latitude, longitude, region, employment_area)
         VALUES ($1, $2, $3, $4, $5, 'Pohjois-Savo', $6)`,
        [code, nameFi, nameSv, latitude, longitude, area],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM municipality WHERE code = ANY($1)`, [
      MUNICIPALITIES.map((m) => m[0]),
    ]);
  }
}
