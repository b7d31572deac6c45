-- A thread's subject is identified with its owner party, as every object is: (type, party, id).
ALTER TABLE hotline_threads ADD COLUMN subject_party TEXT;
UPDATE hotline_threads SET subject_party = (SELECT i.party FROM intents i WHERE i.id = hotline_threads.subject_id)
    WHERE subject_type = 'intent';
