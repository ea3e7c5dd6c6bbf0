/* Copies one Concat input into its place: outer blocks of chunk bytes, each at target_offset within a target block of
   target_block bytes. */
static void aidge_concat_part(void* target, const void* source, int64_t outer, int64_t chunk, int64_t target_block, int64_t target_offset)
{
    for (int64_t o = 0; o < outer; o++) {
        memcpy((unsigned char*)target + o * target_block + target_offset, (const unsigned char*)source + o * chunk, (size_t)chunk);
    }
}
