/** Header set by Osprey's own web server to the client address it trusts (never by a client). */
export const CLIENT_IP_HEADER = 'x-osprey-client-ip';
