import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An integrator's API key (migration ApiKeys1795900000000): only the key's hash is kept. */
@Entity({ name: 'api_key' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** A short part of the key shown to recognise it (never enough to use it). */
  @Column({ type: 'text' })
  prefix!: string;

  /** SHA-256 of the key, hex. */
  @Column({ name: 'key_hash', type: 'text', unique: true })
  keyHash!: string;

  /** The operations the key may call. */
  @Column({ type: 'text', array: true })
  operations!: string[];

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
