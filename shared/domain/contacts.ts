/** The SPOC's log of contact with a school outside the visits: phone calls, emails, meetings. */
import { z } from 'zod';
import { isoDate } from '../dates.ts';
import { line, lines } from './text.ts';
import { Urn } from './schools.ts';

export const CHANNELS = ['phone', 'email', 'in_person', 'video_call'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { phone: 'Phone', email: 'Email', in_person: 'In person', video_call: 'Video call' };
export const DIRECTIONS = ['from_school', 'to_school'] as const;
export const DIRECTION_LABELS: Record<(typeof DIRECTIONS)[number], string> = { from_school: 'From the school', to_school: 'To the school' };

export const ContactInput = z
  .object({
    urn: Urn,
    at: z
      .string()
      .min(1, 'Enter when the contact was: a date and a time')
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Write the date and time as yyyy-mm-ddThh:mm, for example 2026-12-03T14:20'),
    workerId: z.string().uuid('Choose the worker'),
    withWhom: line().min(1, 'Say who the contact was with').max(200),
    direction: z.enum(DIRECTIONS),
    channel: z.enum(CHANNELS),
    summary: lines().min(1, 'Write a short summary').max(4000),
    followUp: lines().max(1000).optional().transform((v) => (v ? v : null)),
    followUpDue: z.union([z.literal(''), isoDate()]).optional().transform((v) => (v ? v : null)),
  })
  .strict()
  .refine((c) => !c.followUpDue || c.followUp, { message: 'Say what the follow-up is', path: ['followUp'] })
  .refine((c) => !c.followUpDue || c.followUpDue >= c.at.slice(0, 10), { message: 'The follow-up cannot be due before the contact', path: ['followUpDue'] });
export type ContactInput = z.input<typeof ContactInput>;

export interface Contact {
  id: string;
  urn: string;
  schoolName: string;
  at: string;
  workerId: string;
  workerName: string;
  withWhom: string;
  direction: (typeof DIRECTIONS)[number];
  channel: Channel;
  summary: string;
  followUp: string | null;
  followUpDue: string | null;
  followUpDoneOn: string | null;
  recordedBy: string;
}
