/**
 * Lists that grow with the years are read a page at a time: the screen asks for `limit` rows
 * from `offset` and is told how many there are in all, so an answer's size follows the screen,
 * not the history.
 */
import { z } from 'zod';

export interface Page<T> {
  rows: T[];
  total: number;
}

export const pageFields = (size: number, max: number) => ({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(max).default(size),
});

export interface PageRequest {
  offset: number;
  limit: number;
}
