/** Non-human identities: the inventory, its findings, and the rotation of their credentials. */
package io.writ.domain.nhi;
