/**
 * The pure model of collections: identifiers, errors and the id generator shared by every part of the
 * domain. Nothing here depends on anything but the JDK.
 */
package io.collections.domain;
