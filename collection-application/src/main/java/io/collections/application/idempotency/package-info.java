/** Idempotency keys: a repeated POST gets the first answer back and changes nothing again. */
package io.collections.application.idempotency;
