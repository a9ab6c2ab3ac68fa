import { availableParallelism } from 'node:os';

/**
 * Uploads are received in parallel (streamed to disk, flat memory), but decoding images (sharp)
 * and parsing PDFs (pdf-lib reads a whole PDF) take CPU and memory per file: at most one job per
 * core runs at a time, the others wait their turn. This keeps the server's memory bounded however
 * many people upload at once.
 */
export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
    }
  }
}

export const processingSlots = new Slots(Math.max(1, availableParallelism()));
