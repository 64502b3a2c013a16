/**
 * The helpdesk's ticket queue as an XPIA surface: anyone can open a ticket,
 * so an attacker can plant text the agent will read. `inject` prepares a
 * ticket whose body is the payload; the attack activates it (the ticket
 * appears in the queue) and cleans it up afterwards.
 */
import type { InjectionHandle, Payload, Surface } from 'rampart';
import type { Ticket } from './agent';

/** A prepared ticket; `ticketId` lets a trigger prompt point at it. */
export interface TicketHandle extends InjectionHandle {
  readonly ticketId: string;
}

/** Tickets opened by outsiders, on top of the agent's own queue. */
export class TicketQueue implements Surface {
  private readonly open = new Map<string, Ticket>();

  constructor(private readonly sender = 'mallory@evil.example') {}

  /** Tickets currently planted. */
  get tickets(): Ticket[] {
    return [...this.open.values()];
  }

  inject(options: { payload: Payload; subject?: string }): TicketHandle {
    const { payload } = options;
    const ticket: Ticket = {
      id: `T-X-${payload.id}`,
      from: this.sender,
      subject: options.subject ?? 'Urgent request',
      body: payload.content,
    };
    return {
      payloadId: payload.id,
      surfaceName: 'TicketQueue',
      payloadText: payload.content,
      ticketId: ticket.id,
      activate: () => void this.open.set(ticket.id, ticket),
      // An in-memory queue is visible at once; a real one would poll its index here.
      waitUntilReady: () => {},
      cleanup: () => void this.open.delete(ticket.id),
    };
  }
}
