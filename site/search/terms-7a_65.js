tracebriefSearch.terms("ze",{"zelensky":"7"});
