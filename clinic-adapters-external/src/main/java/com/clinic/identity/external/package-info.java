/** Identity's cryptography: Argon2id password hashes and asymmetrically signed access tokens (JWT). */
package com.clinic.identity.external;
