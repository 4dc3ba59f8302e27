import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A Finnish municipality (official three-digit code). Centre coordinates are coarse: Kuopio
 * alone is about 80 km across, so a distance between two centres can be off by tens of
 * kilometres. Matching prefers a person's or a workplace's own coordinates where known.
 */
@Entity({ name: 'municipality' })
export class Municipality {
  @PrimaryColumn({ type: 'char', length: 3 })
  code!: string;

  @Column({ name: 'name_fi', type: 'text' })
  nameFi!: string;

  @Column({ name: 'name_sv', type: 'text' })
  nameSv!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  /** Region (maakunta), e.g. "Pohjois-Savo". */
  @Column({ type: 'text' })
  region!: string;

  /** The employment area (työllisyysalue) that serves it, e.g. "kuopio"; null if none here. */
  @Column({ name: 'employment_area', type: 'text', nullable: true })
  employmentArea!: string | null;
}
